package dev.strata.core.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.Direction;
import dev.strata.api.LintFinding;
import dev.strata.api.LintReport;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationPhase;
import dev.strata.api.MigrationVersion;
import dev.strata.api.PlannedMigration;
import dev.strata.api.SqlStatement;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.MigrationResource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinterTest {
  final List<SourceMigration> sources = new ArrayList<>();
  final List<PlannedMigration> steps = new ArrayList<>();

  /** A migration whose statements are its lines (one statement per line). */
  LinterTest migration(String header, String... statements) {
    int v = steps.size() + 1;
    MigrationId id = new MigrationId(MigrationVersion.parse(Integer.toString(v)), "m" + v);
    String script = header + String.join(";\n", statements);
    MigrationResource up =
        new MigrationResource(
            id, Direction.UP, null, false, "V" + v + "__m.sql", () -> new byte[0]);
    sources.add(new SourceMigration(id, up, script, "c", null));
    int headerLines = (int) header.chars().filter(c -> c == '\n').count();
    List<SqlStatement> parsed = new ArrayList<>();
    for (int i = 0; i < statements.length; i++) {
      parsed.add(SqlStatement.of(statements[i], headerLines + i + 1));
    }
    MigrationPhase phase =
        header.contains("phase=contract") ? MigrationPhase.CONTRACT : MigrationPhase.EXPAND;
    steps.add(
        new PlannedMigration(id, Direction.UP, "V" + v + "__m.sql", "c", parsed, true, phase));
    return this;
  }

  LintReport lint() {
    return new Linter(List.of()).lint(sources, steps);
  }

  List<String> rules() {
    return lint().findings().stream().map(LintFinding::rule).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DROP TABLE person|ban-drop-table",
        "DROP TABLE IF EXISTS public.person|ban-drop-table",
        "ALTER TABLE person DROP COLUMN email|ban-drop-column",
        "ALTER TABLE person DROP email|ban-drop-column",
        "ALTER TABLE person ADD COLUMN x int, DROP COLUMN email|ban-drop-column",
        "ALTER TABLE person RENAME COLUMN name TO full_name|renaming-table-or-column",
        "ALTER TABLE person RENAME TO people|renaming-table-or-column",
        "RENAME TABLE person TO people|renaming-table-or-column",
        "ALTER TABLE person ALTER COLUMN age TYPE bigint|changing-column-type",
        "ALTER TABLE person ALTER age SET DATA TYPE bigint|changing-column-type",
        "ALTER TABLE person MODIFY COLUMN age bigint|changing-column-type",
        "ALTER TABLE person CHANGE age years bigint|changing-column-type"
      })
  void flagsBackwardIncompatibleStatementsOnExistingTables(String sql, String rule) {
    assertThat(migration("", sql).rules()).containsExactly(rule);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ALTER TABLE person DROP CONSTRAINT person_pk",
        "ALTER TABLE person ALTER COLUMN age DROP DEFAULT",
        "ALTER TABLE person ALTER COLUMN age DROP NOT NULL",
        "ALTER TABLE person DROP INDEX idx",
        "ALTER TABLE person ADD COLUMN dropped boolean",
        "ALTER TABLE person ALTER COLUMN age SET DEFAULT 0",
        "INSERT INTO audit VALUES ('DROP TABLE person')",
        "CREATE TABLE drop_table_log (id int)"
      })
  void leavesNearMissesAlone(String sql) {
    assertThat(migration("", sql).rules()).isEmpty();
  }

  @Test
  void treatsTablesCreatedEarlierInTheSameRunAsNew() {
    migration("", "CREATE TABLE staging (id int, tmp int)");
    migration("", "ALTER TABLE staging DROP COLUMN tmp", "DROP TABLE staging");

    assertThat(rules()).isEmpty();
  }

  @Test
  void allowsRemovalsInContractMigrations() {
    migration(
        "-- strata:phase=contract\n", "ALTER TABLE person DROP COLUMN email", "DROP TABLE legacy");

    assertThat(rules()).isEmpty();
  }

  @Test
  void reportsFileLineRuleAndAdvice() {
    migration("-- header\n", "CREATE INDEX i ON t (x)", "ALTER TABLE person DROP COLUMN email");

    assertThat(lint().findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.origin()).isEqualTo("V1__m.sql");
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.message()).contains("person.email").contains("contract migration");
              assertThat(f.toString()).startsWith("V1__m.sql:3: warning ban-drop-column: ");
            });
  }

  @Test
  void honoursALintIgnoreDirectiveWithAReason() {
    migration(
        "-- strata:lint-ignore=ban-drop-column reason=\"nothing reads it since 2.3\"\n",
        "ALTER TABLE person DROP COLUMN email");

    LintReport report = lint();
    assertThat(report.findings()).isEmpty();
    assertThat(report.ignored()).extracting(LintFinding::rule).containsExactly("ban-drop-column");
  }

  @Test
  void refusesAnIgnoreWithoutAReasonOrForAnUnknownRule() {
    migration("-- strata:lint-ignore=ban-drop-column\n", "SELECT 1");
    assertThatThrownBy(this::lint).hasMessageContaining("reason=");

    sources.clear();
    steps.clear();
    migration("-- strata:lint-ignore=ban-everything reason=\"x\"\n", "SELECT 1");
    assertThatThrownBy(this::lint).hasMessageContaining("unknown rule ban-everything");
  }
}
