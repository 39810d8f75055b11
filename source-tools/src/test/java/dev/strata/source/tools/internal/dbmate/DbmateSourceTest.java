package dev.strata.source.tools.internal.dbmate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbmateSourceTest {
  private static final String UP_DOWN = "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n";

  @TempDir Path dir;

  private SourceListing list(String... ignore) {
    return new DbmateSource(
            "dbmate:" + dir, dir, new SourceSettings(List.of(ignore), getClass().getClassLoader()))
        .list();
  }

  private void write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void takesTheLeadingDigitsForTheVersion() throws Exception {
    write("20151129054053_test_migration.sql", UP_DOWN);
    write("20160101000000.sql", "-- migrate:up transaction:false\n-- migrate:down\n");
    write("notes.txt", "ignored quietly");

    assertThat(list().resources())
        .extracting(
            r -> r.id() + " " + r.direction() + " " + r.autocommit() + " " + (r.splitter() == null))
        .containsExactly(
            "V20151129054053 test migration UP false true",
            "V20151129054053 test migration DOWN false true",
            "V20160101000000 UP true true",
            "V20160101000000 DOWN false true");
  }

  @Test
  void namesEveryFileDbmateWouldNotRunUnlessIgnored() throws Exception {
    write("1_ok.sql", UP_DOWN);
    write("seed.sql", "INSERT INTO t VALUES (1);");
    write("2_no_down.sql", "-- migrate:up\nSELECT 1;\n");
    write("sub/3_nested.sql", UP_DOWN);

    assertThatThrownBy(this::list)
        .isInstanceOfSatisfying(
            MigrationDiscoveryException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("dbmate:" + dir + " holds files dbmate would not run as migrations:")
                  .contains(
                      dir.resolve("2_no_down.sql") + ":1 has an up block without",
                      dir.resolve("seed.sql") + " does not start with a digit",
                      dir.resolve("sub/3_nested.sql") + " is in a subfolder");
              assertThat(e.origins()).hasSize(3);
            });
    SourceListing listing = list("seed.sql", "2_*.sql", "sub/**");
    assertThat(listing.resources()).hasSize(2);
    assertThat(listing.ignored()).hasSize(3);
  }

  @Test
  void refusesNamesWhoseTextOrderIsNotTheirNumericOrder() throws Exception {
    write("9_nine.sql", UP_DOWN);
    write("10_ten.sql", UP_DOWN);

    assertThatThrownBy(this::list)
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageStartingWith(
            dir.resolve("10_ten.sql")
                + " and "
                + dir.resolve("9_nine.sql")
                + ": dbmate applies them in this order (it sorts file names as text)");
  }

  @Test
  void refusesDuplicateVersionsNamingBothFiles() throws Exception {
    write("1_a.sql", UP_DOWN);
    write("1_b.sql", UP_DOWN);

    assertThatThrownBy(this::list)
        .hasMessage(
            dir.resolve("1_a.sql")
                + " and "
                + dir.resolve("1_b.sql")
                + " both have version 1; renumber one of them");
  }
}
