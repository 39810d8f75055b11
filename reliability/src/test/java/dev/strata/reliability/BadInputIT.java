package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Bad input" rows of {@code docs/reliability.md} that depend on the dialect's parser or
 * server, on PostgreSQL and MariaDB through the command line: each is refused naming file and line,
 * without a stack trace, and nothing is applied (a good pending migration before the bad one
 * neither).
 */
class BadInputIT {
  @TempDir Path dir;

  @Test
  void postgresRefusesUnterminatedDollarQuotesEscapeStringsAndDeepCommentsBeforeRunningAnything(
      @PostgresTest IsolatedDatabase db) throws Exception {
    String tables =
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
    expectRefused(
        db,
        tables,
        "V2__dollar.sql",
        "CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN RETURN 1; END;\n$$ LANGUAGE plpgsql;\n",
        "V2__dollar.sql:1: unterminated");
    expectRefused(
        db,
        tables,
        "V2__escape.sql",
        "SELECT 1;\nSELECT E'it\\'s;\n",
        "V2__escape.sql:2: unterminated");
    expectRefused(
        db,
        tables,
        "V2__deep.sql",
        "/*".repeat(10_000) + "*/".repeat(9_999) + "\nSELECT 1;\n",
        "V2__deep.sql:1: unterminated");
  }

  @Test
  void postgresReportsTenThousandNestedParenthesesAsTheStatementsFailureAndRollsItBack(
      @PostgresTest IsolatedDatabase db) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("parens"));
    Files.writeString(
        migrations.resolve("V1__parens.sql"),
        "CREATE TABLE parens (id int);\nINSERT INTO parens VALUES ("
            + "(".repeat(10_000)
            + "1"
            + ")".repeat(10_000)
            + ");\n");

    CliWorkspace.Result result =
        CliWorkspace.run(
            Map.of(), "migrate", "--url", db.jdbcUrl(), "--source", "filesystem:" + migrations);

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
    assertThat(result.err())
        .contains("V1__parens.sql:2")
        .contains("memory exhausted")
        .contains("rolled back")
        .doesNotContain("\tat ");
    assertThat(
            Jdbc.column(
                db,
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name = 'parens'"))
        .isEmpty();
  }

  @Test
  void mariaDbRefusesUnterminatedBackquotesCommentsAndDelimiterBlocksBeforeRunningAnything(
      @MySqlTest IsolatedDatabase db) throws Exception {
    String tables =
        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()";
    expectRefused(
        db,
        tables,
        "V2__backquote.sql",
        "SELECT 1;\nCREATE TABLE `a (id INT);\n",
        "V2__backquote.sql:2: unterminated");
    expectRefused(
        db,
        tables,
        "V2__comment.sql",
        "SELECT 1;\n/* never closed\n",
        "V2__comment.sql:2: unterminated");
    expectRefused(
        db,
        tables,
        "V2__quote.sql",
        "INSERT INTO t VALUES ('it\\');\n",
        "V2__quote.sql:1: unterminated");
  }

  /** V1 good, then {@code name}: refused with {@code says}, and no table is created. */
  private void expectRefused(
      IsolatedDatabase db, String tables, String name, String script, String says)
      throws Exception {
    Path migrations = Files.createDirectories(dir.resolve(name + ".d"));
    Files.writeString(migrations.resolve("V1__canary.sql"), "CREATE TABLE canary (id INT);\n");
    Files.writeString(migrations.resolve(name), script);
    List<String> before = Jdbc.column(db, tables);

    CliWorkspace.Result result =
        CliWorkspace.run(
            Map.of(), "migrate", "--url", db.jdbcUrl(), "--source", "filesystem:" + migrations);

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    assertThat(result.err()).as(result.toString()).contains(says).doesNotContain("\tat ");
    assertThat(Jdbc.column(db, tables)).isEqualTo(before).doesNotContain("canary");
  }
}
