package dev.strata.dialect.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PostgresScriptParserTest {

  private static List<SqlStatement> parse(String script) {
    return PostgresScriptParser.parse(script, 15);
  }

  private static SqlStatement stmt(String sql, int line) {
    return SqlStatement.of(sql, line);
  }

  private static SqlStatement outsideTransaction(String sql, int line) {
    return new SqlStatement(sql, line, true);
  }

  private static ScriptParseException parseError(String script) {
    try {
      parse(script);
    } catch (ScriptParseException e) {
      return e;
    }
    throw new AssertionError("expected a ScriptParseException for: " + script);
  }

  // Plain splitting

  @Test
  void splitsOnSemicolonsAndKeepsTheLastStatementWithoutOne() {
    assertThat(parse("CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\nSELECT 2\n"))
        .containsExactly(
            stmt("CREATE TABLE t (id int)", 1),
            stmt("INSERT INTO t VALUES (1)", 2),
            stmt("SELECT 2", 3));
  }

  @Test
  void skipsEmptyStatements() {
    assertThat(parse(";;SELECT 1;; ;\n;SELECT 2;;"))
        .containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 2));
  }

  @Test
  void yieldsNothingForEmptyOrCommentOnlyScripts() {
    assertThat(parse("")).isEmpty();
    assertThat(parse(" \n\t\f\n")).isEmpty();
    assertThat(parse("-- only a comment; really\n/* and /* a nested; */ block */\n;\n")).isEmpty();
  }

  @Test
  void pointsLineAtTheFirstTokenAfterLeadingComments() {
    String script =
        "-- header; with a semicolon\n"
            + "/* a block\n   comment; */\n"
            + "\n"
            + "  CREATE TABLE t ( -- inline comment is kept\n"
            + "    id int\n"
            + "  );\n"
            + "/* before */ SELECT 1; -- trailing\n";
    assertThat(parse(script))
        .containsExactly(
            stmt("CREATE TABLE t ( -- inline comment is kept\n    id int\n  )", 5),
            stmt("SELECT 1", 8));
  }

  @Test
  void endsAStatementAtItsLastTokenLeavingOutTrailingComments() {
    assertThat(parse("SELECT 1 -- one; not two\n  /* still; nothing */ ;\nSELECT 2 -- the end"))
        .containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 3));
  }

  @Test
  void countsWindowsAndOldMacLineBreaks() {
    assertThat(parse("SELECT 1;\r\nSELECT 2;\rSELECT '\r\n';\r\nSELECT 4;"))
        .containsExactly(
            stmt("SELECT 1", 1),
            stmt("SELECT 2", 2),
            stmt("SELECT '\r\n'", 3),
            stmt("SELECT 4", 5));
  }

  // Strings and quoted identifiers

  @Test
  void keepsSemicolonsAndDoubledQuotesInsideStringLiterals() {
    assertThat(parse("INSERT INTO t VALUES ('a;b', 'it''s; fine');\nSELECT 1;"))
        .containsExactly(
            stmt("INSERT INTO t VALUES ('a;b', 'it''s; fine')", 1), stmt("SELECT 1", 2));
  }

  @Test
  void treatsABackslashInAStandardStringAsText() {
    assertThat(parse("SELECT 'C:\\';\nSELECT '[^a-z\\d:]';"))
        .containsExactly(stmt("SELECT 'C:\\'", 1), stmt("SELECT '[^a-z\\d:]'", 2));
  }

  @Test
  void letsABackslashEscapeAQuoteInEscapeStrings() {
    assertThat(parse("SELECT E'it\\'s; here', e'\\\\';\nSELECT E'a''b;';"))
        .containsExactly(stmt("SELECT E'it\\'s; here', e'\\\\'", 1), stmt("SELECT E'a''b;'", 2));
  }

  @Test
  void readsAnEAtTheEndOfAWordAsPartOfTheWord() {
    // "date" ends in e: date'...' is a typed standard string, where a backslash is text.
    assertThat(parse("SELECT date'x\\'; SELECT 2;"))
        .containsExactly(stmt("SELECT date'x\\'", 1), stmt("SELECT 2", 1));
  }

  @Test
  void readsUnicodeStringsAsStandardStrings() {
    assertThat(
            parse("SELECT U&'\\0041;\\'; SELECT u&'d!0061t' UESCAPE '!';\nSELECT U&\"a;\"\"b\";"))
        .containsExactly(
            stmt("SELECT U&'\\0041;\\'", 1),
            stmt("SELECT u&'d!0061t' UESCAPE '!'", 1),
            stmt("SELECT U&\"a;\"\"b\"", 2));
  }

  @Test
  void readsBitHexAndNationalStrings() {
    assertThat(parse("SELECT B'1;0', X'1F;', N'a;b';"))
        .containsExactly(stmt("SELECT B'1;0', X'1F;', N'a;b'", 1));
  }

  @Test
  void keepsSemicolonsAndDoubledQuotesInsideQuotedIdentifiers() {
    assertThat(parse("CREATE TABLE \"a;\"\"b\" (x int); SELECT 2"))
        .containsExactly(stmt("CREATE TABLE \"a;\"\"b\" (x int)", 1), stmt("SELECT 2", 1));
  }

  @Test
  void countsLinesInsideMultiLineStrings() {
    assertThat(parse("INSERT INTO t VALUES ('line one;\nline two', E'\\\n');\nSELECT 1;"))
        .containsExactly(
            stmt("INSERT INTO t VALUES ('line one;\nline two', E'\\\n')", 1), stmt("SELECT 1", 4));
  }

  // Dollar quotes

  @Test
  void keepsSemicolonsQuotesAndCommentMarkersInsideDollarQuotes() {
    String function =
        "CREATE FUNCTION f() RETURNS trigger AS $$\n"
            + "BEGIN\n"
            + "  -- it's; not a comment to psql\n"
            + "  NEW.x := '/* nor this'; RETURN NEW;\n"
            + "END;\n"
            + "$$ LANGUAGE plpgsql";
    assertThat(parse(function + ";\nSELECT 1;"))
        .containsExactly(stmt(function, 1), stmt("SELECT 1", 7));
  }

  @Test
  void closesATaggedDollarQuoteOnlyAtTheSameTag() {
    String body =
        "DO $outer$\nBEGIN\n  EXECUTE $inner$ SELECT 1; $$; $Outer$ $inner$;\nEND\n$outer$";
    assertThat(parse(body + ";\nSELECT 2;")).containsExactly(stmt(body, 1), stmt("SELECT 2", 6));
  }

  @Test
  void acceptsTagsWithUnderscoresDigitsAndNonAsciiLetters() {
    assertThat(parse("SELECT $_$;$_$, $q1$;$q1$, $é$;$é$; SELECT 2"))
        .containsExactly(stmt("SELECT $_$;$_$, $q1$;$q1$, $é$;$é$", 1), stmt("SELECT 2", 1));
  }

  @Test
  void closesADollarQuoteAtATagRightAfterOtherText() {
    // psql: inside $a$, "x$a$" ends the quote; "$ba$" does not.
    assertThat(parse("SELECT $a$ $ba$ ; x$a$; SELECT 2;"))
        .containsExactly(stmt("SELECT $a$ $ba$ ; x$a$", 1), stmt("SELECT 2", 1));
  }

  @Test
  void treatsPositionalParametersAndDollarsInNamesAsNoQuotes() {
    assertThat(parse("PREPARE p AS SELECT $1, $2;\nSELECT a$b$c, x$$; SELECT $ 1;\nSELECT 1$$;$$;"))
        .containsExactly(
            stmt("PREPARE p AS SELECT $1, $2", 1),
            stmt("SELECT a$b$c, x$$", 2),
            stmt("SELECT $ 1", 2),
            stmt("SELECT 1$$;$$", 3));
  }

  @Test
  void countsLinesInsideDollarQuotes() {
    assertThat(parse("SELECT $$\n;\n\n$$;\nSELECT 2;"))
        .containsExactly(stmt("SELECT $$\n;\n\n$$", 1), stmt("SELECT 2", 5));
  }

  // Comments

  @Test
  void doesNotSplitOnSemicolonsInLineComments() {
    assertThat(parse("SELECT 1 -- not here; nor here\n, 2;\nSELECT 3 -- also; a comment\n;"))
        .containsExactly(stmt("SELECT 1 -- not here; nor here\n, 2", 1), stmt("SELECT 3", 3));
  }

  @Test
  void handlesNestedBlockComments() {
    assertThat(
            parse("/* outer /* inner; */ still comment; */ SELECT 1;\nSELECT /* a /* b */ ; */ 2;"))
        .containsExactly(stmt("SELECT 1", 1), stmt("SELECT /* a /* b */ ; */ 2", 2));
  }

  @Test
  void startsCommentsInsideOperators() {
    assertThat(parse("SELECT 2 */* times; */ 3;\nSELECT 4 +-- minus; \n 5;"))
        .containsExactly(stmt("SELECT 2 */* times; */ 3", 1), stmt("SELECT 4 +-- minus; \n 5", 2));
  }

  // Parentheses and SQL-standard bodies

  @Test
  void doesNotSplitInsideParenthesesAsPsql() {
    String rule =
        "CREATE RULE r AS ON INSERT TO t DO ALSO (\n"
            + "  INSERT INTO a VALUES (1);\n"
            + "  INSERT INTO b VALUES (2)\n"
            + ")";
    assertThat(parse(rule + ";\nSELECT 1;")).containsExactly(stmt(rule, 1), stmt("SELECT 1", 5));
  }

  @Test
  void keepsABeginAtomicBodyWhole() {
    String function =
        "CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql\n"
            + "BEGIN ATOMIC\n"
            + "  INSERT INTO calls VALUES (i);\n"
            + "  SELECT CASE WHEN i > 0 THEN i + 1 ELSE CASE i WHEN 0 THEN 1 END END;\n"
            + "END";
    assertThat(parse(function + ";\nSELECT add_one(1);"))
        .containsExactly(stmt(function, 1), stmt("SELECT add_one(1)", 6));
  }

  @Test
  void keepsAProcedureBodyWholeAfterOrReplace() {
    String procedure =
        "create or replace procedure p() language sql\n"
            + "begin atomic\n"
            + "  delete from t; insert into t select 1;\n"
            + "end";
    assertThat(parse(procedure + "; call p();"))
        .containsExactly(stmt(procedure, 1), stmt("call p()", 4));
  }

  @Test
  void splitsAfterAReturnBodyWithCase() {
    String function =
        "CREATE OR REPLACE FUNCTION FULLTEXT_SEARCH(text) RETURNS tsquery\n"
            + "    LANGUAGE SQL IMMUTABLE\n"
            + "    RETURN CASE WHEN $1 = '' THEN TO_TSQUERY('') ELSE TO_TSQUERY($1) END";
    assertThat(parse(function + ";\nSELECT 1;;\n"))
        .containsExactly(stmt(function, 1), stmt("SELECT 1", 4));
  }

  @Test
  void splitsTransactionBlocksOutsideRoutines() {
    assertThat(parse("BEGIN; SELECT CASE WHEN true THEN 1 END; END;"))
        .containsExactly(
            stmt("BEGIN", 1), stmt("SELECT CASE WHEN true THEN 1 END", 1), stmt("END", 1));
  }

  @Test
  void ignoresBeginInsideQuotesAndParenthesesOfARoutine() {
    assertThat(
            parse(
                "CREATE FUNCTION \"begin\"(x int DEFAULT CASE WHEN true THEN 1 END) RETURNS int"
                    + " AS 'begin' LANGUAGE sql; SELECT 1;"))
        .containsExactly(
            stmt(
                "CREATE FUNCTION \"begin\"(x int DEFAULT CASE WHEN true THEN 1 END) RETURNS int"
                    + " AS 'begin' LANGUAGE sql",
                1),
            stmt("SELECT 1", 1));
  }

  // COPY ... FROM stdin

  @Test
  void takesTheRowsAfterCopyFromStdinUpToTheEndOfDataLine() {
    String script =
        "CREATE TABLE t (a int, b text);\n"
            + "COPY t (a, b) FROM stdin;\n"
            + "1\tone; two\n"
            + "2\t'it''s' \\N -- not a comment\n"
            + "\\.\n"
            + "SELECT 1;\n";
    assertThat(parse(script))
        .containsExactly(
            stmt("CREATE TABLE t (a int, b text)", 1),
            new SqlStatement(
                "COPY t (a, b) FROM stdin",
                2,
                false,
                "1\tone; two\n2\t'it''s' \\N -- not a comment\n"),
            stmt("SELECT 1", 6));
  }

  @Test
  void acceptsCopyOptionsCommentsAndWindowsLineBreaks() {
    String script =
        "COPY \"My Table\" FROM STDIN WITH (FORMAT csv); -- rows follow; here\r\n"
            + "1,\"a;b\"\r\n"
            + "\\.\r\n"
            + "COPY t FROM stdin;\n"
            + "\\.\n"
            + "SELECT 2";
    assertThat(parse(script))
        .containsExactly(
            new SqlStatement(
                "COPY \"My Table\" FROM STDIN WITH (FORMAT csv)", 1, false, "1,\"a;b\"\r\n"),
            new SqlStatement("COPY t FROM stdin", 4, false, ""),
            stmt("SELECT 2", 6));
  }

  @Test
  void readsCopyFromAFileOrToStdoutAsPlainStatements() {
    assertThat(parse("COPY t FROM '/tmp/stdin';\nCOPY t TO STDOUT;\nSELECT 'COPY x FROM stdin';"))
        .containsExactly(
            stmt("COPY t FROM '/tmp/stdin'", 1),
            stmt("COPY t TO STDOUT", 2),
            stmt("SELECT 'COPY x FROM stdin'", 3));
  }

  @Test
  void reportsCopyDataWithoutTheEndOfDataLineAtTheCopy() {
    ScriptParseException e = parseError("SELECT 1;\n\nCOPY t FROM stdin;\n1\n2\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e)
        .hasMessage(
            "<script>:3: COPY ... FROM stdin starting here has no end of data: put its rows on the"
                + " lines after it and end them with a line holding only \\.");
    assertThat(parseError("COPY t FROM stdin").line()).isEqualTo(1);
  }

  @Test
  void refusesTextAfterCopyFromStdinOnItsLine() {
    ScriptParseException e = parseError("\nCOPY t FROM stdin; SELECT 1;\n1\n\\.\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).startsWith("text after COPY ... FROM stdin; on the same line");
  }

  // psql meta-commands

  @Test
  void refusesPsqlMetaCommandsNamingTheLine() {
    ScriptParseException e = parseError("SELECT 1;\n\n\\connect other\nSELECT 2;");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e)
        .hasMessage(
            "<script>:3: psql meta-command \\connect is not supported: Strata runs SQL only, and a"
                + " backslash outside quotes is psql's, not the server's. Remove it, or run this"
                + " script with psql");
    assertThat(parseError("\\i other.sql\n").reason()).startsWith("psql meta-command \\i ");
    assertThat(parseError("\\set ON_ERROR_STOP on\n").reason())
        .startsWith("psql meta-command \\set ");
    assertThat(parseError("SELECT 1 \\gset\n").reason()).startsWith("psql meta-command \\gset ");
    assertThat(parseError("SELECT 1;\n\\.\n").line()).isEqualTo(2);
  }

  @Test
  void acceptsBackslashesInsideQuotesAndComments() {
    assertThat(parse("SELECT '\\i', $$\\set$$, \"\\x\" -- \\connect\n/* \\c */;"))
        .containsExactly(stmt("SELECT '\\i', $$\\set$$, \"\\x\"", 1));
  }

  // Unterminated constructs

  @Test
  void reportsAnUnterminatedStringLiteralWhereItStarts() {
    assertThat(parseError("SELECT 1;\nSELECT 'abc;\nSELECT 2;\n"))
        .hasMessage(
            "<script>:2: unterminated string literal starting here; close it with ' (a quote"
                + " inside it is '')");
  }

  @Test
  void reportsAnUnterminatedEscapeStringWhereItStarts() {
    assertThat(parseError("\nSELECT E'abc\\';\n"))
        .hasMessage(
            "<script>:2: unterminated escape string E'...' starting here; close it with ' (a quote"
                + " inside it is \\' or '')");
  }

  @Test
  void reportsAnUnterminatedQuotedIdentifierWhereItStarts() {
    assertThat(parseError("\n\nCREATE TABLE \"t (x int);"))
        .hasMessage(
            "<script>:3: unterminated quoted identifier starting here; close it with \" (a quote"
                + " inside it is \"\")");
  }

  @Test
  void reportsAnUnterminatedBlockCommentWhereItStarts() {
    assertThat(parseError("SELECT 1;\n/* outer /* inner */\nSELECT 2;"))
        .hasMessage(
            "<script>:2: unterminated block comment starting here; close it with */ (PostgreSQL"
                + " nests comments, so each /* inside it needs its own */)");
  }

  @Test
  void reportsAnUnterminatedDollarQuoteWithItsTagWhereItStarts() {
    assertThat(parseError("SELECT 1;\n\nDO $body$\nBEGIN NULL; END\n$Body$;\n"))
        .hasMessage(
            "<script>:3: unterminated dollar-quoted text $body$ starting here; close it with"
                + " $body$ (the same tag, same case)");
  }

  // Statements that cannot run in a transaction

  @Test
  void flagsStatementsPostgresRefusesInATransactionBlock() {
    List<String> refused =
        List.of(
            "CREATE INDEX CONCURRENTLY i ON t (a)",
            "create unique index concurrently if not exists i on t (a)",
            "CREATE INDEX CONCURRENTLY ON t (a)",
            "DROP INDEX CONCURRENTLY IF EXISTS i",
            "REINDEX INDEX CONCURRENTLY i",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
            "REINDEX SCHEMA public",
            "REINDEX DATABASE db",
            "REINDEX SYSTEM",
            "VACUUM",
            "VACUUM (ANALYZE) t",
            "CLUSTER",
            "CLUSTER VERBOSE",
            "CREATE DATABASE db",
            "DROP DATABASE IF EXISTS db",
            "ALTER DATABASE db SET TABLESPACE fast",
            "CREATE TABLESPACE fast LOCATION '/ssd'",
            "DROP TABLESPACE fast",
            "ALTER SYSTEM SET work_mem = '64MB'",
            "CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p",
            "DROP SUBSCRIPTION s",
            "ALTER SUBSCRIPTION s REFRESH PUBLICATION",
            "ALTER SUBSCRIPTION s SET PUBLICATION p",
            "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY",
            "DISCARD ALL",
            "COMMIT PREPARED 'tx'",
            "ROLLBACK PREPARED 'tx'",
            "/* a comment */ VACUUM -- and another\n t");
    for (String sql : refused) {
      assertThat(parse(sql)).as(sql).extracting(SqlStatement::noTransaction).containsExactly(true);
    }
  }

  @Test
  void doesNotFlagLookalikesInNamesStringsAndComments() {
    List<String> allowed =
        List.of(
            "CREATE INDEX i ON t (concurrently)",
            "CREATE INDEX concurrently_idx ON t (a)",
            "CREATE INDEX \"concurrently\" ON t (a)",
            "SELECT 'VACUUM'",
            "-- VACUUM\nSELECT 1",
            "/* CREATE INDEX CONCURRENTLY */ SELECT 1",
            "REINDEX TABLE t",
            "CLUSTER t USING i",
            "CLUSTER VERBOSE t",
            "ANALYZE t",
            "ALTER DATABASE db SET default_tablespace = 'fast'",
            "ALTER TABLE m DETACH PARTITION m_2020",
            "ALTER SUBSCRIPTION s DISABLE",
            "DISCARD PLANS",
            "COMMIT",
            "CREATE TABLE database (id int)",
            "ALTER TYPE mood ADD VALUE 'meh'");
    for (String sql : allowed) {
      assertThat(parse(sql)).as(sql).extracting(SqlStatement::noTransaction).containsExactly(false);
    }
  }

  @Test
  void flagsAddingAnEnumValueOnlyBeforePostgres12() {
    String sql = "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' AFTER 'ok'";
    assertThat(PostgresScriptParser.parse(sql, 11)).containsExactly(outsideTransaction(sql, 1));
    assertThat(PostgresScriptParser.parse(sql, 12)).containsExactly(stmt(sql, 1));
  }

  @Test
  void findsTheWordsThatDecideHowAStatementRuns() {
    assertThat(PostgresScriptParser.words("/* x */ CREATE INDEX \"Ix\" ON t (a, b) WHERE c = 'd'"))
        .containsExactly("create", "index", "\"Ix\"", "on", "t", "where", "c");
  }

  // Linearity

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void parsesAFiveMegabyteScriptOfSmallStatementsInOnePass() {
    String one = "INSERT INTO t VALUES (1, 'a;b ''q''', E'\\'', $$;$$) /* c; */ -- d;\n;\n";
    int count = 5 * 1024 * 1024 / one.length() + 1;
    List<SqlStatement> statements = parse(one.repeat(count));

    assertThat(statements).hasSize(count);
    assertThat(statements.get(count - 1))
        .isEqualTo(stmt("INSERT INTO t VALUES (1, 'a;b ''q''', E'\\'', $$;$$)", 2 * count - 1));
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void parsesFiveMegabyteStringsDollarQuotesCommentsAndCopyDataInOnePass() {
    String five = "x;\n".repeat(5 * 1024 * 1024 / 3);
    String script =
        "SELECT '"
            + five
            + "';\n"
            + "SELECT $q$"
            + five
            + "$q$;\n"
            + "/*"
            + five
            + "*/ SELECT 3;\n"
            + "COPY t FROM stdin;\n"
            + five
            + "\\.\n"
            + "SELECT "
            + "$a ".repeat(1024 * 1024)
            + ";\n"
            + "SELECT 6";
    int lines = five.length() / 3;

    List<SqlStatement> statements = parse(script);

    assertThat(statements).hasSize(6);
    assertThat(statements.get(1).line()).isEqualTo(lines + 2);
    assertThat(statements.get(2)).isEqualTo(stmt("SELECT 3", 3 * lines + 3));
    assertThat(statements.get(3).data()).isEqualTo(five);
    assertThat(statements.get(5)).isEqualTo(stmt("SELECT 6", 4 * lines + 7));
  }
}
