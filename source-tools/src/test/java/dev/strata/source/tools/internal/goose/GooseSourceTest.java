package dev.strata.source.tools.internal.goose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GooseSourceTest {
  private static final String UP_DOWN = "-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n";

  @TempDir Path dir;

  private SourceListing list(GooseSource.Layout layout, String... ignore) {
    return new GooseSource(
            "goose:" + dir,
            dir,
            new SourceSettings(List.of(ignore), getClass().getClassLoader()),
            layout,
            Map.of())
        .list();
  }

  private void write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void listsVersionsAsNumbersSoTimestampsAndSequentialNumbersMix() throws Exception {
    write("9_nine.sql", UP_DOWN);
    write("10_ten.sql", UP_DOWN);
    write("00001_first_one.sql", UP_DOWN);
    write("20230102150405_stamp.sql", UP_DOWN);
    write("README.md", "not a migration");

    SourceListing listing = list(GooseSource.Layout.V3);

    assertThat(
            listing.resources().stream()
                .filter(r -> r.direction() == Direction.UP)
                .map(r -> r.id().version())
                .sorted()
                .map(Object::toString))
        .containsExactly("00001", "9", "10", "20230102150405");
    assertThat(listing.resources())
        .filteredOn(r -> r.id().version().toString().equals("00001"))
        .extracting(r -> r.id().description())
        .containsOnly("first one");
  }

  @Test
  void refusesDuplicateVersionsNamingBothFiles() throws Exception {
    write("1_a.sql", UP_DOWN);
    write("001_b.sql", UP_DOWN);

    assertThatThrownBy(() -> list(GooseSource.Layout.V3))
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessage(
            dir.resolve("001_b.sql")
                + " and "
                + dir.resolve("1_a.sql")
                + " both have version 1 (goose refuses duplicate versions); renumber one of them");
  }

  @Test
  void namesEveryFileGooseWouldNotRunUnlessIgnored() throws Exception {
    write("1_ok.sql", UP_DOWN);
    write("seed.sql", "INSERT INTO t VALUES (1);");
    write("0_zero.sql", UP_DOWN);
    write("2_no_up.sql", "SELECT 1;\n");
    write("3_code.go", "package migrations");
    write("3_code_test.go", "package migrations");
    write("sub/4_nested.sql", UP_DOWN);

    assertThatThrownBy(() -> list(GooseSource.Layout.V3))
        .isInstanceOfSatisfying(
            MigrationDiscoveryException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("goose:" + dir + " holds files goose would not run as migrations:")
                  .contains(
                      dir.resolve("0_zero.sql")
                          + " has version 0; goose requires a version greater than zero",
                      dir.resolve("2_no_up.sql") + " has no '-- +goose Up' annotation",
                      dir.resolve("seed.sql") + " has no '_' after its version",
                      dir.resolve("sub/4_nested.sql") + " is in a subfolder",
                      dir.resolve("3_code.go")
                          + " is a Go migration: Strata runs SQL only and cannot run Go code; port"
                          + " it to a <version>_<name>.sql file with '-- +goose Up', or leave it"
                          + " out with the ignore option (ignore=*.go)")
                  .doesNotContain("3_code_test.go")
                  .endsWith("or leave them out with the ignore option (e.g. ignore=legacy/*.sql)");
              assertThat(e.origins()).hasSize(5);
            });

    SourceListing listing =
        list(GooseSource.Layout.V3, "seed.sql", "0_*.sql", "2_no_up.sql", "*.go", "sub/**");
    assertThat(listing.resources()).extracting(MigrationResource::origin).hasSize(2);
    assertThat(listing.ignored()).hasSize(5);
  }

  @Test
  void makesADownResourceOnlyForAFileWithADownAnnotationAndReadsNoTransaction() throws Exception {
    write("1_both.sql", UP_DOWN);
    write("2_up_only.sql", "-- +goose Up\n-- +goose NO TRANSACTION\nSELECT 1;\n");

    SourceListing listing = list(GooseSource.Layout.V3);

    assertThat(listing.resources())
        .extracting(r -> r.id().version() + " " + r.direction() + " " + r.autocommit())
        .containsExactlyInAnyOrder("1 UP false", "1 DOWN false", "2 UP true");
  }

  @Test
  void blanksTheOtherDirectionsLinesKeepingLineNumbersAndAnnotations() throws Exception {
    write("1_x.sql", "-- +goose Up\n-- +goose ENVSUB ON\nSELECT 1;\n-- +goose Down\nSELECT 2;\n");

    SourceListing listing = list(GooseSource.Layout.V3);

    assertThat(listing.resources())
        .extracting(r -> new String(r.content().read(), StandardCharsets.UTF_8))
        .containsExactly(
            "-- +goose Up\n-- +goose ENVSUB ON\nSELECT 1;\n-- +goose Down\n\n",
            "-- +goose Up\n-- +goose ENVSUB ON\n\n-- +goose Down\nSELECT 2;\n");
    MigrationResource down = listing.resources().get(1);
    assertThat(down.splitter().split(new String(down.content().read(), StandardCharsets.UTF_8)))
        .extracting(s -> s.sql() + "@" + s.line())
        .containsExactly("SELECT 2@5");
  }

  @Test
  void theOriginalGooseWalksTheTreeAndSkipsUnversionedGoFiles() throws Exception {
    write("1_a.sql", UP_DOWN);
    write("sub/2_b.sql", "\n-- +goose Down\nSELECT 2;\n");
    write("main.go", "package main");

    SourceListing listing = list(GooseSource.Layout.LIAMSTASK);

    assertThat(listing.resources())
        .extracting(r -> r.id().version() + " " + r.direction())
        .containsExactly("1 UP", "1 DOWN", "2 UP", "2 DOWN");
    MigrationResource up2 = listing.resources().get(2);
    assertThat(up2.splitter().split(new String(up2.content().read(), StandardCharsets.UTF_8)))
        .isEmpty();
  }
}
