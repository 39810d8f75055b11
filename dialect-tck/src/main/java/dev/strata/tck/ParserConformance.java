package dev.strata.tck;

import static dev.strata.api.SqlStatement.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parser contract on scripts every SQL dialect must split alike (ANSI strings, quoted
 * identifiers, comments), then on the dialect's own cases. These checks need no database.
 */
abstract class ParserConformance extends ConformanceGroup {

  @Test
  void splitsAtSemicolonsRecordingTheLineEachStatementStartsOn() {
    check(
        ParserCase.splits(
            "statements on lines of their own and on one line",
            "CREATE TABLE tck_a (id INT);\nCREATE TABLE tck_b (id INT);\n\n"
                + "INSERT INTO tck_a VALUES (1); INSERT INTO tck_b VALUES (2);\n",
            of("CREATE TABLE tck_a (id INT)", 1),
            of("CREATE TABLE tck_b (id INT)", 2),
            of("INSERT INTO tck_a VALUES (1)", 4),
            of("INSERT INTO tck_b VALUES (2)", 4)));
  }

  @Test
  void keepsASemicolonInsideAStringLiteralWithDoubledQuotes() {
    check(
        ParserCase.splits(
            "'it''s; fine'",
            "INSERT INTO tck_notes VALUES ('it''s; fine');\nSELECT 'a;b', ';' FROM tck_notes;\n",
            of("INSERT INTO tck_notes VALUES ('it''s; fine')", 1),
            of("SELECT 'a;b', ';' FROM tck_notes", 2)));
  }

  @Test
  void keepsASemicolonInsideAQuotedIdentifier() {
    check(
        ParserCase.splits(
            "\"quoted;ident\"",
            "CREATE TABLE \"quoted;ident\" (id INT);\nSELECT \"a;b\"\"c\" FROM t;\n",
            of("CREATE TABLE \"quoted;ident\" (id INT)", 1),
            of("SELECT \"a;b\"\"c\" FROM t", 2)));
  }

  @Test
  void ignoresASemicolonInALineComment() {
    check(
        ParserCase.splits(
            "-- comment ; with semicolon",
            "SELECT 1; -- comment ; with semicolon\n-- another ; one\nSELECT 2;\n",
            of("SELECT 1", 1),
            of("SELECT 2", 3)));
  }

  @Test
  void ignoresASemicolonInABlockCommentAndKeepsCommentsInsideAStatement() {
    check(
        ParserCase.splits(
            "/* block ; comment */",
            "/* leading ; comment */\nSELECT /* block ; comment */ 1;\n/* spanning\n lines ; */\n"
                + "SELECT 2;\n",
            of("SELECT /* block ; comment */ 1", 2),
            of("SELECT 2", 5)));
  }

  @Test
  void recordsTheFirstLineOfAMultilineStatement() {
    check(
        ParserCase.splits(
            "multiline statements",
            "\n\nCREATE TABLE tck_a (\n  id INT,\n  name VARCHAR(10)\n);\n"
                + "INSERT INTO tck_a\n  VALUES (1, 'x');\n",
            of("CREATE TABLE tck_a (\n  id INT,\n  name VARCHAR(10)\n)", 3),
            of("INSERT INTO tck_a\n  VALUES (1, 'x')", 7)));
  }

  @Test
  void keepsATrailingStatementWithoutASemicolon() {
    check(
        ParserCase.splits(
            "last statement without ;",
            "SELECT 1;\nSELECT 2\n\n",
            of("SELECT 1", 1),
            of("SELECT 2", 2)));
  }

  @Test
  void countsWindowsLineEndingsAsOneLineEach() {
    check(
        ParserCase.splits(
            "CRLF line endings",
            "SELECT 1;\r\n\r\nSELECT 'x;\r\ny';\r\nSELECT 3;\r\n",
            of("SELECT 1", 1),
            of("SELECT 'x;\r\ny'", 3),
            of("SELECT 3", 5)));
  }

  @Test
  void findsNoStatementsInEmptyOrCommentOnlyScripts() {
    check(ParserCase.splits("empty script", ""));
    check(ParserCase.splits("blank script", "  \n\t\n"));
    check(ParserCase.splits("comments only", "-- only ; a comment\n/* and ; another */\n"));
    check(ParserCase.splits("empty statements", ";\n ; ;\n"));
  }

  @Test
  void rejectsAnUnterminatedStringNamingTheLineItStartsOn() {
    check(ParserCase.rejects("unterminated string", "SELECT 1;\nSELECT 'oops;\nSELECT 2;\n", 2));
  }

  @Test
  void rejectsAnUnterminatedBlockCommentNamingTheLineItStartsOn() {
    check(
        ParserCase.rejects(
            "unterminated comment", "SELECT 1;\n\n/* never ; closed\nSELECT 2;\n", 3));
  }

  @TestFactory
  Stream<DynamicTest> splitsTheDialectsOwnTrickyScripts() {
    List<ParserCase> cases = fixture().tck().parserCases();
    Assumptions.assumeFalse(
        cases.isEmpty(), "the provider gives no parser cases of its own (parserCases())");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  @Test
  void runsAStringWithASemicolonThroughTheEngineIntact() throws Exception {
    fixture()
        .file(
            "V1__notes.sql",
            "-- a note ; with a semicolon\n"
                + "CREATE TABLE tck_notes (body VARCHAR(100));\n"
                + "INSERT INTO tck_notes VALUES ('it''s; fine'); /* done; */\n"
                + "INSERT INTO tck_notes VALUES ('-- not a comment ; /* nor this */')\n");

    fixture().strata().migrate();

    List<String> bodies = new ArrayList<>();
    try (Connection c = fixture().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT body FROM tck_notes")) {
      while (rs.next()) {
        bodies.add(rs.getString(1));
      }
    }
    assertThat(bodies).containsExactlyInAnyOrder("-- not a comment ; /* nor this */", "it's; fine");
  }

  private void check(ParserCase c) {
    Dialect dialect = fixture().offlineDialect();
    if (c.expectsError()) {
      assertThatThrownBy(() -> dialect.parse(c.script()))
          .as("parsing %s:%n%s", c.name(), c.script())
          .isInstanceOfSatisfying(
              ScriptParseException.class,
              e -> assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(c.errorLine()));
      return;
    }
    List<SqlStatement> statements = dialect.parse(c.script());
    assertThat(statements)
        .as("statements of %s:%n%s", c.name(), c.script())
        .containsExactlyElementsOf(c.statements());
  }
}
