package dev.strata.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSetGeneratorTest {
  @TempDir Path dir;

  @Test
  void writesFlywayNamedFilesThatAreAlsoLiquibaseFormattedSqlChangesets() throws Exception {
    MigrationSet set =
        MigrationSetGenerator.generate(dir, MigrationSetGenerator.Shape.REALISTIC, 5);

    try (var files = Files.list(set.migrationsDir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "V1__create_bench_log.sql",
              "V2__create_orders_2.sql",
              "V3__create_orders_3.sql",
              "V4__create_orders_4.sql",
              "V5__create_orders_5.sql");
    }
    assertThat(Files.readString(set.migrationsDir().resolve("V3__create_orders_3.sql")))
        .startsWith("-- liquibase formatted sql\n-- changeset bench:3\n");
    assertThat(Files.readString(dir.resolve(MigrationSetGenerator.CHANGELOG)))
        .contains("<include file=\"migrations/V1__create_bench_log.sql\"/>")
        .contains("<include file=\"migrations/V5__create_orders_5.sql\"/>");
    assertThat(set.expectedLogRows()).isEqualTo(5);
  }

  @Test
  void realisticFilesHoldFourOrSixStatementsEndingInTheirLogRow() {
    MigrationSet set =
        MigrationSetGenerator.generate(dir, MigrationSetGenerator.Shape.REALISTIC, 4);

    List<ScriptFile> files = ScriptFile.readAll(set);

    assertThat(files).extracting(ScriptFile::version).containsExactly(1, 2, 3, 4);
    assertThat(files.get(1).statements()).hasSize(4); // create, index, seed rows, log row
    assertThat(files.get(2).statements())
        .hasSize(6)
        .element(3)
        .asString()
        .startsWith("ALTER TABLE bench_orders_2");
    assertThat(files.get(2).statements().get(5))
        .isEqualTo("INSERT INTO bench_log (version, note) VALUES (3, 'V3')");
  }

  @Test
  void trivialFilesHoldOneStatementAndLogEveryVersionButTheFirst() {
    MigrationSet set = MigrationSetGenerator.generate(dir, MigrationSetGenerator.Shape.TRIVIAL, 3);

    List<ScriptFile> files = ScriptFile.readAll(set);

    assertThat(files).allSatisfy(f -> assertThat(f.statements()).hasSize(1));
    assertThat(files.get(2).statements())
        .containsExactly("INSERT INTO bench_log (version) VALUES (3)");
    assertThat(set.expectedLogRows()).isEqualTo(2);
  }

  @Test
  void refusesAnEmptySet() {
    assertThatThrownBy(
            () -> MigrationSetGenerator.generate(dir, MigrationSetGenerator.Shape.TRIVIAL, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one migration");
  }
}
