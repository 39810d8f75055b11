package dev.strata.dialect.h2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class H2ScriptParserTest {

  private static List<SqlStatement> parse(String script) {
    return H2ScriptParser.parse(script);
  }

  private static SqlStatement stmt(String sql, int line) {
    return SqlStatement.of(sql, line);
  }

  @Test
  void splitsOnSemicolonsOutsideQuotes() {
    assertThat(parse("CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n"))
        .containsExactly(stmt("CREATE TABLE t (id INT)", 1), stmt("INSERT INTO t VALUES (1)", 2));
  }

  @Test
  void keepsSemicolonsAndEscapedQuotesInsideStringLiterals() {
    assertThat(parse("INSERT INTO t VALUES ('a;b', 'it''s; fine');\nSELECT 1;"))
        .containsExactly(
            stmt("INSERT INTO t VALUES ('a;b', 'it''s; fine')", 1), stmt("SELECT 1", 2));
  }

  @Test
  void keepsSemicolonsAndEscapedQuotesInsideQuotedIdentifiers() {
    assertThat(parse("CREATE TABLE \"a;\"\"b\" (x INT); SELECT 2"))
        .containsExactly(stmt("CREATE TABLE \"a;\"\"b\" (x INT)", 1), stmt("SELECT 2", 1));
  }

  @Test
  void countsLinesInsideMultiLineStrings() {
    assertThat(parse("INSERT INTO t VALUES ('line one;\nline two');\nSELECT 1;"))
        .containsExactly(
            stmt("INSERT INTO t VALUES ('line one;\nline two')", 1), stmt("SELECT 1", 3));
  }

  @Test
  void doesNotSplitOnSemicolonsInLineComments() {
    assertThat(parse("SELECT 1 -- not here; nor here\n, 2;\nSELECT 3 // also; a comment\n;"))
        .containsExactly(
            stmt("SELECT 1 -- not here; nor here\n, 2", 1), stmt("SELECT 3 // also; a comment", 3));
  }

  @Test
  void doesNotSplitOnSemicolonsInBlockComments() {
    assertThat(parse("SELECT /* a; b\n c; */ 1;\nSELECT 2;"))
        .containsExactly(stmt("SELECT /* a; b\n c; */ 1", 1), stmt("SELECT 2", 3));
  }

  @Test
  void handlesNestedBlockComments() {
    assertThat(parse("/* outer /* inner; */ still comment; */ SELECT 1;\nSELECT 2;"))
        .containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 2));
  }

  @Test
  void keepsSemicolonsInsideDollarQuotedBodies() {
    String alias =
        "CREATE ALIAS REVERSE AS $$\n"
            + "String reverse(String s) {\n"
            + "  return new StringBuilder(s).reverse().toString();\n"
            + "}\n"
            + "$$";
    assertThat(parse(alias + ";\nCALL REVERSE('abc');"))
        .containsExactly(stmt(alias, 1), stmt("CALL REVERSE('abc')", 6));
  }

  @Test
  void treatsDollarsInsideNamesAsPlainText() {
    assertThat(parse("SELECT 1 AS A$$B; SELECT 2;"))
        .containsExactly(stmt("SELECT 1 AS A$$B", 1), stmt("SELECT 2", 1));
  }

  @Test
  void keepsTheLastStatementWithoutASemicolon() {
    assertThat(parse("SELECT 1;\nSELECT 2\n  \n"))
        .containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 2));
  }

  @Test
  void skipsEmptyStatements() {
    assertThat(parse(";;SELECT 1;; ;\n;SELECT 2;;"))
        .containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 2));
  }

  @Test
  void yieldsNothingForEmptyOrCommentOnlyScripts() {
    assertThat(parse("")).isEmpty();
    assertThat(parse(" \n\t\n")).isEmpty();
    assertThat(parse("-- only a comment\n/* and /* a nested */ block */\n// and another;\n;"))
        .isEmpty();
  }

  @Test
  void pointsLineAtTheFirstTokenAfterLeadingComments() {
    String script =
        "-- header; with a semicolon\n"
            + "/* a block\n   comment */\n"
            + "\n"
            + "  CREATE TABLE t ( -- inline comment is kept\n"
            + "    id INT\n"
            + "  );\n"
            + "/* before */ SELECT 1; -- trailing\n";
    assertThat(parse(script))
        .containsExactly(
            stmt("CREATE TABLE t ( -- inline comment is kept\n    id INT\n  )", 5),
            stmt("SELECT 1", 8));
  }

  @Test
  void countsWindowsAndOldMacLineBreaks() {
    assertThat(parse("SELECT 1;\r\nSELECT 2;\rSELECT 3;"))
        .containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 2), stmt("SELECT 3", 3));
  }

  @Test
  void treatsPlaceholdersAsPlainText() {
    assertThat(parse("SELECT '${x}' FROM ${table};"))
        .containsExactly(stmt("SELECT '${x}' FROM ${table}", 1));
  }

  @Test
  void reportsAnUnterminatedStringLiteralWhereItStarts() {
    assertThatThrownBy(() -> parse("SELECT 1;\nSELECT 'abc;\nSELECT 2;\n"))
        .isInstanceOfSatisfying(ScriptParseException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessage(
            "<script>:2: unterminated string literal starting here; close it with ' or escape a"
                + " quote inside it as ''");
  }

  @Test
  void reportsAnUnterminatedQuotedIdentifierWhereItStarts() {
    assertThatThrownBy(() -> parse("\n\nCREATE TABLE \"t (x INT);"))
        .isInstanceOfSatisfying(ScriptParseException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessage(
            "<script>:3: unterminated quoted identifier starting here; close it with \" or escape"
                + " a quote inside it as \"\"");
  }

  @Test
  void reportsAnUnterminatedBlockCommentWhereItStarts() {
    assertThatThrownBy(() -> parse("SELECT 1;\n/* outer /* inner */\nSELECT 2;"))
        .isInstanceOfSatisfying(ScriptParseException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessage(
            "<script>:2: unterminated block comment starting here; close it with */ (H2 nests"
                + " comments, so each /* inside it needs its own */)");
  }

  @Test
  void reportsAnUnterminatedDollarQuoteWhereItStarts() {
    assertThatThrownBy(() -> parse("SELECT 1;\n\nCREATE ALIAS F AS $$\nint f() { return 1; }\n"))
        .isInstanceOfSatisfying(ScriptParseException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessage("<script>:3: unterminated $$ quoted text starting here; close it with $$");
  }

  @Test
  void parsesAFiveMegabyteScriptInOnePass() {
    String one = "INSERT INTO t VALUES (1, 'a;b ''q''') /* c; */ -- d;\n;\n";
    int count = 5 * 1024 * 1024 / one.length() + 1;
    List<SqlStatement> statements = parse(one.repeat(count));

    assertThat(statements).hasSize(count);
    assertThat(statements.get(count - 1))
        .isEqualTo(stmt("INSERT INTO t VALUES (1, 'a;b ''q''') /* c; */ -- d;", 2 * count - 1));
  }

  @Test
  void parsesAFiveMegabyteStatementInOnePass() {
    String literal = "x;".repeat(5 * 1024 * 1024 / 2);
    List<SqlStatement> statements = parse("SELECT '" + literal + "';\nSELECT 2;");

    assertThat(statements).hasSize(2);
    assertThat(statements.get(0).sql()).hasSize(literal.length() + 9);
    assertThat(statements.get(1)).isEqualTo(stmt("SELECT 2", 2));
  }
}
