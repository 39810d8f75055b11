package dev.strata.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.LintFinding;
import dev.strata.api.LintReport;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.PlannedMigration;
import dev.strata.api.SqlStatement;
import dev.strata.core.Strata;
import dev.strata.dialect.mysql.internal.lint.MySqlLintRules;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
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
 * {@code lint} end to end on a real MySQL/MariaDB server: the dialect's rules flag statements on
 * tables of earlier runs, the online forms they advise pass lint and apply (or make the server
 * refuse a change it cannot make online), and every MySQL set of the shared corpus lints without an
 * error (the counts per rule are printed).
 */
@MySqlTest
class MySqlLintIT {
  @TempDir Path dir;

  @Test
  void flagsChangesThatMayCopyATableAndAppliesTheOnlineFormsItAdvises(IsolatedDatabase db)
      throws Exception {
    file(
        "V1__init.sql",
        "CREATE TABLE person (id int PRIMARY KEY, email varchar(100)) ENGINE=InnoDB;\n"
            + "INSERT INTO person VALUES (1, 'a@example.com');\n");
    strata(db).migrate();
    file(
        "V2__dangerous.sql",
        "ALTER TABLE person ADD COLUMN nickname varchar(20);\n"
            + "ALTER TABLE person ADD COLUMN token char(36) DEFAULT (uuid()), ALGORITHM=INPLACE,"
            + " LOCK=NONE;\n"
            + "CREATE INDEX person_email ON person (email);\n"
            + "CREATE TABLE pet (id int, owner int);\n"
            + "ALTER TABLE pet ADD COLUMN name varchar(20) DEFAULT (uuid());\n"
            + "CREATE INDEX pet_owner ON pet (owner);\n");

    LintReport report = strata(db).lint();

    assertThat(report.findings())
        .extracting(f -> f.line() + " " + f.rule())
        .containsExactly(
            "1 require-online-alter",
            "2 adding-column-with-expression-default",
            "3 require-online-index");

    Files.delete(dir.resolve("V2__dangerous.sql"));
    file(
        "V2__online.sql",
        "ALTER TABLE person ADD COLUMN nickname varchar(20), ALGORITHM=INSTANT;\n"
            + "ALTER TABLE person ADD COLUMN token char(36), ALGORITHM=INSTANT;\n"
            + "ALTER TABLE person ALTER COLUMN token SET DEFAULT (uuid()), ALGORITHM=INSTANT;\n"
            + "CREATE INDEX person_email ON person (email) ALGORITHM=INPLACE LOCK=NONE;\n");

    assertThat(strata(db).lint().findings()).isEmpty();
    assertThat(strata(db).migrate().applied()).hasSize(1);

    // The clauses make the server refuse what it cannot do online, instead of copying the table.
    file(
        "V3__refused.sql",
        "-- strata:lint-ignore=adding-column-with-expression-default reason=\"shows the refusal\"\n"
            + "ALTER TABLE person ADD COLUMN token2 char(36) DEFAULT (uuid()), ALGORITHM=INPLACE,"
            + " LOCK=NONE;\n");
    assertThat(strata(db).lint().findings()).isEmpty();
    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("is not supported for this operation");
  }

  @Test
  void lintsKestra(IsolatedDatabase db) {
    Counts counts =
        lintCorpus(
            db, "flyway-kestra-mysql", Corpus.require("flyway-kestra-mysql").resolve("migrations"));

    assertThat(counts.findings()).isEqualTo(Map.of());
    assertThat(counts.ifEveryTableExisted())
        .isEqualTo(Map.of("require-online-alter", 27L, "require-online-index", 19L));
  }

  @Test
  void lintsOryKetosMySqlVariants(IsolatedDatabase db) {
    Counts counts = lintCorpus(db, "ory-keto", Corpus.require("ory-keto").resolve("migrations"));

    assertThat(counts.findings()).isEqualTo(Map.of());
    assertThat(counts.ifEveryTableExisted())
        .isEqualTo(Map.of("require-online-alter", 4L, "require-online-index", 2L));
  }

  /** The two scripts under convention names: the schema as V1, the drop script as its down. */
  @Test
  void lintsSakila(IsolatedDatabase db) throws Exception {
    Path files = Corpus.require("torture-sakila-mysql").resolve("files/mysql-sakila-db");
    Files.copy(files.resolve("mysql-sakila-schema.sql"), dir.resolve("V1__sakila_schema.sql"));
    Files.copy(
        files.resolve("mysql-sakila-drop-objects.sql"), dir.resolve("U1__sakila_schema.sql"));

    Counts counts = lintCorpus(db, "torture-sakila-mysql", dir);

    assertThat(counts.findings()).isEqualTo(Map.of());
    assertThat(counts.ifEveryTableExisted()).isEqualTo(Map.of());
  }

  /**
   * The drizzle source is not a dependency of this module (it depends on this one), so the set's
   * files are copied under Flyway names in journal order, with each breakpoint marker (no comment
   * to MySQL) turned into a line break, as the corpus's client run did.
   */
  @Test
  void lintsTheDrizzleHomarrSet(IsolatedDatabase db) throws Exception {
    Path set = Corpus.require("drizzle-homarr-mysql").resolve("migrations");
    List<Path> files;
    try (Stream<Path> list = Files.list(set)) {
      files = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    for (int i = 0; i < files.size(); i++) {
      String sql = Files.readString(files.get(i), StandardCharsets.UTF_8);
      file(
          "V" + (i + 1) + "__" + files.get(i).getFileName(),
          sql.replace("--> statement-breakpoint", "\n"));
    }

    Counts counts = lintCorpus(db, "drizzle-homarr-mysql", dir);

    assertThat(counts.findings()).isEqualTo(Map.of());
    assertThat(counts.ifEveryTableExisted())
        .isEqualTo(
            Map.of(
                "adding-column-with-expression-default",
                3L,
                "require-online-alter",
                155L,
                "require-online-index",
                7L));
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
        for (LintRule rule : MySqlLintRules.all()) {
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
