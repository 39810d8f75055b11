package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.LintFinding;
import dev.strata.api.LintReport;
import dev.strata.api.PlannedMigration;
import dev.strata.api.SqlStatement;
import dev.strata.core.Strata;
import dev.strata.dialect.postgres.internal.lint.PostgresLintRules;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint} end to end on a real PostgreSQL server: the dialect's rules flag statements on
 * tables of earlier runs, the safer forms they advise pass lint and apply, and every PostgreSQL set
 * of the shared corpus lints without an error (the counts per rule are printed).
 */
@PostgresTest
class PostgresLintIT {
  @TempDir Path dir;

  @Test
  void flagsDangerousStatementsOnTablesOfEarlierRunsAndAppliesTheSaferFormsItAdvises(
      IsolatedDatabase db) throws Exception {
    file(
        "V1__init.sql",
        "CREATE TABLE team (id int PRIMARY KEY);\n"
            + "CREATE TABLE person (id int, email text, team_id int);\n"
            + "CREATE INDEX person_team ON person (team_id);\n"
            + "INSERT INTO team VALUES (1);\n"
            + "INSERT INTO person VALUES (1, 'a@example.com', 1);\n");
    strata(db).migrate();
    file(
        "V2__dangerous.sql",
        "CREATE INDEX person_email ON person (email);\n"
            + "DROP INDEX person_team;\n"
            + "ALTER TABLE person ADD COLUMN token uuid DEFAULT gen_random_uuid();\n"
            + "ALTER TABLE person ALTER COLUMN email SET NOT NULL;\n"
            + "ALTER TABLE person ADD CONSTRAINT person_team_fk FOREIGN KEY (team_id) REFERENCES"
            + " team (id);\n"
            + "ALTER TABLE person ADD CONSTRAINT person_email_key UNIQUE (email);\n"
            + "ALTER TABLE person ADD PRIMARY KEY (id);\n"
            + "ALTER TABLE person ADD COLUMN tenant int NOT NULL;\n"
            + "ALTER TABLE person ADD COLUMN country char(2);\n"
            + "CREATE TABLE pet (id int, owner int);\n"
            + "CREATE INDEX pet_owner ON pet (owner);\n");

    LintReport report = strata(db).lint();

    assertThat(report.findings())
        .extracting(f -> f.line() + " " + f.rule())
        .containsExactly(
            "1 require-concurrent-index-creation",
            "2 require-concurrent-index-deletion",
            "3 adding-field-with-volatile-default",
            "4 setting-not-nullable-field",
            "5 constraint-missing-not-valid",
            "6 disallowed-unique-constraint",
            "7 adding-serial-primary-key-field",
            "8 adding-required-field",
            "9 ban-char-field");
    assertThat(report.findings().get(0).toString())
        .startsWith(
            dir.resolve("V2__dangerous.sql")
                + ":1: warning require-concurrent-index-creation:"
                + " creating an index on person blocks every write");

    Files.delete(dir.resolve("V2__dangerous.sql"));
    file(
        "V2__email_index.sql",
        "CREATE UNIQUE INDEX CONCURRENTLY person_email ON person (email);\n");
    file("V3__drop_team_index.sql", "DROP INDEX CONCURRENTLY person_team;\n");
    file(
        "V4__expand.sql",
        "ALTER TABLE person ADD COLUMN seen timestamptz DEFAULT now();\n"
            + "ALTER TABLE person ADD COLUMN token uuid;\n"
            + "ALTER TABLE person ALTER COLUMN token SET DEFAULT gen_random_uuid();\n"
            + "ALTER TABLE person ADD CONSTRAINT person_team_fk FOREIGN KEY (team_id) REFERENCES"
            + " team (id) NOT VALID;\n"
            + "ALTER TABLE person ADD CONSTRAINT email_not_null CHECK (email IS NOT NULL) NOT"
            + " VALID;\n"
            + "ALTER TABLE person ADD CONSTRAINT person_email_key UNIQUE USING INDEX"
            + " person_email;\n"
            + "ALTER TABLE person ADD COLUMN tenant int NOT NULL DEFAULT 0;\n"
            + "ALTER TABLE person ADD COLUMN country text;\n");
    file(
        "V5__validate.sql",
        "ALTER TABLE person VALIDATE CONSTRAINT person_team_fk;\n"
            + "ALTER TABLE person VALIDATE CONSTRAINT email_not_null;\n");
    file(
        "V6__email_not_null.sql",
        "-- strata:lint-ignore=setting-not-nullable-field reason=\"proven by email_not_null\"\n"
            + "ALTER TABLE person ALTER COLUMN email SET NOT NULL;\n"
            + "ALTER TABLE person DROP CONSTRAINT email_not_null;\n");

    LintReport safer = strata(db).lint();

    assertThat(safer.findings()).isEmpty();
    assertThat(safer.ignored())
        .extracting(LintFinding::rule)
        .containsExactly("setting-not-nullable-field");
    assertThat(strata(db).migrate().applied()).hasSize(5);
  }

  @Test
  void lintsKestra(IsolatedDatabase db) throws Exception {
    Counts counts =
        lintCorpus(
            db, "flyway-kestra-pg", Corpus.require("flyway-kestra-pg").resolve("migrations"));

    // Every other statement is on a table created earlier in the run. DROP INDEX names no table,
    // so its rule cannot tell that these indexes belong to such tables.
    assertThat(counts.findings()).isEqualTo(Map.of("require-concurrent-index-deletion", 29L));
    assertThat(counts.ifEveryTableExisted())
        .isEqualTo(
            Map.of(
                "require-concurrent-index-creation",
                69L,
                "require-concurrent-index-deletion",
                29L));
  }

  @Test
  void lintsOryKetosPostgresVariants(IsolatedDatabase db) throws Exception {
    Counts counts = lintCorpus(db, "ory-keto", Corpus.require("ory-keto").resolve("migrations"));

    assertThat(counts.findings()).isEqualTo(Map.of());
    assertThat(counts.ifEveryTableExisted())
        .isEqualTo(
            Map.of("constraint-missing-not-valid", 2L, "require-concurrent-index-creation", 10L));
  }

  /**
   * The drizzle source is not a dependency of this module (it depends on this one), so the set's
   * files are copied under Flyway names in journal order; the breakpoint markers are {@code --}
   * comments to PostgreSQL.
   */
  @Test
  void lintsTheDrizzleChatbotSet(IsolatedDatabase db) throws Exception {
    Path set = Corpus.require("drizzle-ai-chatbot-pg").resolve("migrations");
    List<Path> files;
    try (Stream<Path> list = Files.list(set)) {
      files = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    for (int i = 0; i < files.size(); i++) {
      String name = files.get(i).getFileName().toString();
      Files.copy(files.get(i), dir.resolve("V" + (i + 1) + "__" + name));
    }

    Counts counts = lintCorpus(db, "drizzle-ai-chatbot-pg", dir);

    assertThat(counts.findings()).isEqualTo(Map.of());
    assertThat(counts.ifEveryTableExisted()).isEqualTo(Map.of("adding-required-field", 1L));
  }

  /**
   * Lints {@code migrations} on an empty database, prints the findings per rule and returns them.
   * Also prints what the dialect's rules would find if every table already existed (no table new),
   * to show them on real SQL.
   */
  private static Counts lintCorpus(IsolatedDatabase db, String set, Path migrations) {
    Strata strata =
        Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + migrations).load();
    LintReport report = strata.lint();
    Map<String, Long> counts =
        report.findings().stream()
            .collect(Collectors.groupingBy(LintFinding::rule, TreeMap::new, Collectors.counting()));
    Map<String, Long> existing = new TreeMap<>();
    int statements = 0;
    for (PlannedMigration step : strata.plan().steps()) {
      for (SqlStatement statement : step.statements()) {
        statements++;
        LintContext context =
            new LintContext(
                statement,
                SqlTokens.of(statement.sql()),
                step.phase(),
                step.transactional(),
                t -> false);
        for (LintRule rule : PostgresLintRules.all()) {
          existing.merge(rule.id(), (long) rule.check(context).size(), Long::sum);
        }
      }
    }
    existing.values().removeIf(n -> n == 0);
    System.out.println(
        "lint "
            + set
            + ": "
            + statements
            + " statements, "
            + report.findings().size()
            + " findings "
            + counts
            + "; if every table existed: "
            + existing);
    report
        .findings()
        .forEach(
            f ->
                System.out.println(
                    "  " + Path.of(f.origin()).getFileName() + ":" + f.line() + " " + f.rule()));
    return new Counts(counts, existing);
  }

  /**
   * Findings per rule of {@code lint}, and of the dialect's rules if every table already existed.
   */
  private record Counts(Map<String, Long> findings, Map<String, Long> ifEveryTableExisted) {}

  private Strata strata(IsolatedDatabase db) {
    return Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + dir).load();
  }

  private void file(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
