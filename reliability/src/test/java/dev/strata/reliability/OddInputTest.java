package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Bad input" rows of {@code docs/reliability.md} that Strata accepts: odd but valid files run
 * as their text says, through the command line against H2, and their checksums do not depend on the
 * oddity.
 */
class OddInputTest {
  @TempDir Path dir;

  @Test
  void aUtf8ByteOrderMarkIsDroppedAndTheChecksumIsThatOfTheFileWithout() throws Exception {
    CliWorkspace ws = new CliWorkspace(dir);
    ws.bytes("V1__bom.sql", "\uFEFFCREATE TABLE bom (id INT);\n".getBytes(StandardCharsets.UTF_8));

    assertThat(ws.strata("migrate").exitCode()).isZero();
    ws.file("V1__bom.sql", "CREATE TABLE bom (id INT);\n");

    assertThat(ws.state()).contains("table PUBLIC.BOM");
    assertThat(ws.strata("validate").exitCode()).isZero();
  }

  @Test
  void mixedCrlfAndLfLineEndsRunAndChecksumLikeLf() throws Exception {
    CliWorkspace ws = new CliWorkspace(dir);
    ws.file(
        "V1__crlf.sql", "CREATE TABLE crlf (\r\n  id INT\n);\r\nINSERT INTO crlf VALUES (1);\n");

    CliWorkspace.Result result = ws.strata("migrate");
    ws.file("V1__crlf.sql", "CREATE TABLE crlf (\n  id INT\n);\nINSERT INTO crlf VALUES (1);\n");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(ws.state()).contains("table PUBLIC.CRLF");
    assertThat(ws.strata("validate").exitCode()).isZero();
  }

  @Test
  void anEmptyFileAndAFileOfOnlyCommentsAreRecordedAsAppliedNoOps() throws Exception {
    CliWorkspace ws = new CliWorkspace(dir);
    ws.file("V1__empty.sql", "");
    ws.file("V2__comments.sql", "-- nothing yet\n/* really\n nothing */\n");

    CliWorkspace.Result result = ws.strata("migrate");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("applied 2 migrations");
    assertThat(ws.state()).filteredOn(r -> r.startsWith("row ")).hasSize(3);
  }

  @Test
  void tenThousandNestedBlockCommentsAreParsedWithoutRecursion() throws Exception {
    CliWorkspace ws = new CliWorkspace(dir);
    ws.file(
        "V1__deep.sql",
        "/*".repeat(10_000) + "*/".repeat(10_000) + "\nCREATE TABLE after_comments (id INT);\n");

    CliWorkspace.Result result = ws.strata("migrate");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(ws.state()).contains("table PUBLIC.AFTER_COMMENTS");
  }

  @Test
  void tenThousandNestedParenthesesFailTheMigrationCleanlyInsteadOfOverflowingTheStack()
      throws Exception {
    CliWorkspace ws = new CliWorkspace(dir);
    ws.file("V1__canary.sql", "CREATE TABLE canary (id INT);\n");
    ws.file(
        "V2__parens.sql",
        "-- one statement, so that nothing of it can remain\nINSERT INTO canary VALUES "
            + "(".repeat(10_001)
            + "1"
            + ")".repeat(10_001)
            + ";\n");

    CliWorkspace.Result result = ws.strata("migrate");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
    assertThat(result.err())
        .contains("V2__parens.sql:2")
        .contains("nested too deeply")
        .doesNotContain("\tat ")
        .doesNotContain("StackOverflowError");
    assertThat(ws.state()).contains("table PUBLIC.CANARY");
    // The failed attempt is recorded as harmless (0 statements applied): the fixed file runs.
    ws.file("V2__parens.sql", "INSERT INTO canary VALUES ((1));\n");
    assertThat(ws.strata("migrate").exitCode()).isZero();
  }

  @Test
  void aNamedPipeIsIgnoredWithAWarningAndNeverOpened() throws Exception {
    CliWorkspace ws = new CliWorkspace(dir);
    ws.file("V1__a.sql", "CREATE TABLE a (id INT);\n");
    Path pipe = ws.migrations.resolve("V2__pipe.sql");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(pipe)).isTrue();

    CliWorkspace.Result result = ws.strata("migrate");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err()).contains("V2__pipe.sql is not a regular file");
    assertThat(ws.state()).contains("table PUBLIC.A");
  }
}
