package dev.strata.dialect.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MySqlScriptParserTest {
  private static final MySqlScriptParser MARIADB = MySqlScriptParser.mariaDb();

  private static List<SqlStatement> parse(String script) {
    return MARIADB.parse(script);
  }

  private static SqlStatement stmt(String sql, int line) {
    return SqlStatement.of(sql, line);
  }

  private static void assertFailsAt(String script, int line, String reason) {
    assertFailsAt(MARIADB, script, line, reason);
  }

  private static void assertFailsAt(
      MySqlScriptParser parser, String script, int line, String reason) {
    assertThatThrownBy(() -> parser.parse(script))
        .isInstanceOfSatisfying(
            ScriptParseException.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.reason()).isEqualTo(reason);
            });
  }

  @Test
  void splitsOnSemicolonsAndGivesEachStatementItsFirstLine() {
    assertThat(parse("CREATE TABLE t (id INT);\nINSERT INTO t\n  VALUES (1);  SELECT 1;\n"))
        .containsExactly(
            stmt("CREATE TABLE t (id INT)", 1),
            stmt("INSERT INTO t\n  VALUES (1)", 2),
            stmt("SELECT 1", 3));
  }

  @Test
  void keepsSemicolonsInStringsWithDoubledAndBackslashEscapedQuotes() {
    String insert =
        "INSERT INTO t VALUES ('a;b', 'it''s; ok', 'it\\'s; ok', \"dq \\\"; x\", \"d\"\"q;\")";
    assertThat(parse(insert + ";\nSELECT 2;"))
        .containsExactly(stmt(insert, 1), stmt("SELECT 2", 2));
  }

  @Test
  void countsLinesInsideMultiLineStringsAndEscapedLineBreaks() {
    assertThat(parse("SELECT 'one;\ntwo', 'three\\\nfour';\nSELECT 2;"))
        .containsExactly(stmt("SELECT 'one;\ntwo', 'three\\\nfour'", 1), stmt("SELECT 2", 4));
  }

  @Test
  void treatsABackslashBeforeTheClosingQuoteAsAnEscapeUnlessNoBackslashEscapes() {
    String script = "SELECT 'C:\\dir\\';\nSELECT 2;";

    assertThat(MARIADB.withNoBackslashEscapes(true).parse(script))
        .containsExactly(stmt("SELECT 'C:\\dir\\'", 1), stmt("SELECT 2", 2));
    assertFailsAt(
        script,
        1,
        "unterminated string literal starting here; close it with ' (write a ' inside it as ''"
            + " or \\')");
  }

  @Test
  void quotesIdentifiersWithBackticksWhereOnlyADoubledBacktickEscapes() {
    assertThat(parse("CREATE TABLE `we``ird;\\` (`a;b` INT); SELECT `?` FROM `t`"))
        .containsExactly(
            stmt("CREATE TABLE `we``ird;\\` (`a;b` INT)", 1), stmt("SELECT `?` FROM `t`", 1));
  }

  @Test
  void readsDoubleQuotesAsIdentifiersWithoutBackslashEscapesUnderAnsiQuotes() {
    String script = "CREATE TABLE \"odd\\\" (x INT);\nSELECT 2;";

    assertThat(MARIADB.withAnsiQuotes(true).parse(script))
        .containsExactly(stmt("CREATE TABLE \"odd\\\" (x INT)", 1), stmt("SELECT 2", 2));
    assertFailsAt(
        MARIADB.withAnsiQuotes(true),
        "SELECT \"a;",
        1,
        "unterminated quoted identifier starting here; close it with \" (write a \" inside it as"
            + " \"\")");
    assertThat(parse("SELECT \"a\"\"b;\" FROM t; SELECT 2"))
        .containsExactly(stmt("SELECT \"a\"\"b;\" FROM t", 1), stmt("SELECT 2", 1));
  }

  @Test
  void skipsHashCommentsToTheEndOfTheLine() {
    assertThat(parse("# header; with a semicolon\nSELECT 1; # trailing; comment\nSELECT 2 # ;\n;"))
        .containsExactly(stmt("SELECT 1", 2), stmt("SELECT 2 # ;", 3));
  }

  @Test
  void startsADashDashCommentOnlyWhenWhitespaceOrTheLineEndFollows() {
    assertThat(parse("SELECT 1--1;")).containsExactly(stmt("SELECT 1--1", 1));
    assertThat(parse("SELECT 2 -- c; d\n;")).containsExactly(stmt("SELECT 2 -- c; d", 1));
    assertThat(parse("SELECT 3 --\tc; d\n;")).containsExactly(stmt("SELECT 3 --\tc; d", 1));
    assertThat(parse("SELECT 4 --\n;\nSELECT 5 --"))
        .containsExactly(stmt("SELECT 4 --", 1), stmt("SELECT 5 --", 3));
    assertThat(parse("SELECT 6 -- a\r\n;")).containsExactly(stmt("SELECT 6 -- a", 1));
    assertThat(parse("SELECT 7 --x; SELECT 8;"))
        .containsExactly(stmt("SELECT 7 --x", 1), stmt("SELECT 8", 1));
  }

  @Test
  void skipsAnyDashDashLineBeforeAStatementAsTheMariadbClientDoes() {
    assertThat(parse("--no space; still a comment\n  --1;\nSELECT 1;"))
        .containsExactly(stmt("SELECT 1", 3));
  }

  @Test
  void skipsBlockCommentsWhichDoNotNest() {
    assertThat(parse("SELECT /* a; b\n c; */ 1;\n/* x /* y; */ SELECT 2;"))
        .containsExactly(stmt("SELECT /* a; b\n c; */ 1", 1), stmt("SELECT 2", 3));
  }

  @Test
  void keepsExecutableCommentsAsStatementText() {
    String script = "/*!40101 SET NAMES utf8mb4 */;\n/*M!100100 SET @x = 1 */;\nSELECT 1;";

    assertThat(MARIADB.parse(script))
        .containsExactly(
            stmt("/*!40101 SET NAMES utf8mb4 */", 1),
            stmt("/*M!100100 SET @x = 1 */", 2),
            stmt("SELECT 1", 3));
    assertThat(MySqlScriptParser.mySql().parse(script))
        .containsExactly(stmt("/*!40101 SET NAMES utf8mb4 */", 1), stmt("SELECT 1", 3));
  }

  @Test
  void endsAStatementAtADelimiterInsideAnExecutableCommentAsTheClientDoes() {
    assertThat(parse("/*!40101 SET @a = 1; SET @b = 2 */;"))
        .containsExactly(stmt("/*!40101 SET @a = 1", 1), stmt("SET @b = 2 */", 1));
  }

  @Test
  void keepsATriggerInsideAnExecutableCommentWholeWithOrWithoutDelimiter() {
    String trigger = "/*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN";

    assertThat(parse(trigger + " SET NEW.a = 1; END */;"))
        .containsExactly(stmt(trigger + " SET NEW.a = 1; END */", 1));
    assertThat(parse("DELIMITER ;;\n" + trigger + " SET NEW.a = 1; END */;;\nDELIMITER ;\n"))
        .containsExactly(stmt(trigger + " SET NEW.a = 1; END */", 2));
  }

  /**
   * golang-migrate, popx, Prisma, sqlx and Diesel send a file as one multi-statement query, so the
   * server reads a stored program's body to its END without DELIMITER, and so does Flyway.
   */
  @Test
  void keepsAStoredProgramWithoutDelimiterWholeToTheEndOfItsOutermostBlock() {
    String procedure =
        "CREATE DEFINER=`app`@`%` PROCEDURE fill(IN n INT)\n"
            + "BEGIN\n"
            + "  DECLARE i INT DEFAULT 0;\n"
            + "  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN SET i = n; END;\n"
            + "  outer_loop: WHILE i < n DO\n"
            + "    IF i % 2 = 0 THEN INSERT INTO t VALUES (i, 'even;'); END IF;\n"
            + "    CASE i WHEN 1 THEN SET @one = 1; ELSE BEGIN END; END CASE;\n"
            + "    SET @kind = (CASE WHEN i > 5 THEN 'big' ELSE 'small' END);\n"
            + "    SET @k2 = CASE WHEN i > 5 THEN 1 ELSE 2 END;\n"
            + "    SET i = i + 1;\n"
            + "  END WHILE outer_loop;\n"
            + "  REPEAT SET i = i - 1; UNTIL i = 0 END REPEAT;\n"
            + "END";
    String function =
        "CREATE OR REPLACE FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END";
    String trigger = "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.v = 'x'; END";
    String event = "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END";
    String anonymous =
        "BEGIN NOT ATOMIC INSERT INTO t VALUES (1, 'a'); INSERT INTO t VALUES (2, 'b'); END";

    assertThat(
            parse(
                "CREATE TABLE t (id INT, v TEXT);\n"
                    + procedure
                    + ";\n"
                    + function
                    + ";\n"
                    + trigger
                    + ";\n"
                    + event
                    + ";\n"
                    + anonymous
                    + ";\nCALL fill(3);\n"))
        .containsExactly(
            stmt("CREATE TABLE t (id INT, v TEXT)", 1),
            stmt(procedure, 2),
            stmt(function, 15),
            stmt(trigger, 16),
            stmt(event, 17),
            stmt(anonymous, 18),
            stmt("CALL fill(3)", 19));
  }

  @Test
  void endsAStoredProgramWithoutABlockAndOtherStatementsAtTheirFirstDelimiter() {
    assertThat(
            parse(
                "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.v = 'x';\n"
                    + "CREATE FUNCTION g() RETURNS INT RETURN 2;\n"
                    + "BEGIN;\n"
                    + "SELECT begin, end FROM spans;\n"
                    + "CREATE TABLE spans (begin INT, end INT);\n"
                    + "COMMIT;\n"))
        .containsExactly(
            stmt("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.v = 'x'", 1),
            stmt("CREATE FUNCTION g() RETURNS INT RETURN 2", 2),
            stmt("BEGIN", 3),
            stmt("SELECT begin, end FROM spans", 4),
            stmt("CREATE TABLE spans (begin INT, end INT)", 5),
            stmt("COMMIT", 6));
  }

  @Test
  void readsAProcedureUsingColumnsNamedBeginAndEndToItsEnd() {
    String procedure =
        "CREATE PROCEDURE p() BEGIN SELECT s.begin, s.end FROM spans s; UPDATE spans SET end = 1;"
            + " END";

    assertThat(parse(procedure + ";\nSELECT 1;"))
        .containsExactly(stmt(procedure, 1), stmt("SELECT 1", 2));
  }

  @Test
  void acceptsTheSandboxCommandThatMariadbDumpWritesFirst() {
    String dump =
        "/*M!999999\\- enable the sandbox mode */ \n"
            + "-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n"
            + "/*!40101 SET NAMES utf8mb4 */;\n";

    assertThat(parse(dump))
        .containsExactly(
            stmt(
                "/*M!999999\\- enable the sandbox mode */ \n"
                    + "-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n"
                    + "/*!40101 SET NAMES utf8mb4 */",
                1));
  }

  @Test
  void keepsBackslashCapitalNAsNull() {
    assertThat(parse("INSERT INTO t VALUES (\\N, 'a');"))
        .containsExactly(stmt("INSERT INTO t VALUES (\\N, 'a')", 1));
  }

  @Test
  void switchesToDollarDelimitersForAProcedureAndBack() {
    String procedure =
        "CREATE PROCEDURE film_in_stock(IN p_film_id INT, OUT p_film_count INT)\n"
            + "READS SQL DATA\n"
            + "BEGIN\n"
            + "  SELECT inventory_id FROM inventory WHERE film_id = p_film_id;\n"
            + "  SELECT FOUND_ROWS() INTO p_film_count;\n"
            + "END";
    String script =
        "SELECT 1;\n\nDELIMITER $$\n" + procedure + "$$\n\nDELIMITER ;\nCALL film_in_stock(1, @n);";

    assertThat(parse(script))
        .containsExactly(
            stmt("SELECT 1", 1), stmt(procedure, 4), stmt("CALL film_in_stock(1, @n)", 12));
  }

  @Test
  void switchesToSlashDelimitersForAFunctionCaseInsensitively() {
    String function =
        "CREATE FUNCTION IF NOT EXISTS twice(x INT) RETURNS INT\n"
            + "    DETERMINISTIC\n"
            + "BEGIN\n"
            + "    DECLARE y INT;\n"
            + "    SET y = x * 2; -- a comment; with a semicolon\n"
            + "    RETURN y;\n"
            + "END";

    assertThat(parse("delimiter //\n" + function + " //\nDeLiMiTeR ;\nSELECT twice(2);"))
        .containsExactly(stmt(function, 2), stmt("SELECT twice(2)", 10));
  }

  @Test
  void switchesToDoubleSemicolonsForTriggers() {
    String trigger =
        "CREATE TRIGGER `ins_film` AFTER INSERT ON `film` FOR EACH ROW BEGIN\n"
            + "    INSERT INTO film_text (film_id, title, description)\n"
            + "        VALUES (new.film_id, new.title, new.description);\n"
            + "  END";

    assertThat(parse("DELIMITER ;;\n" + trigger + ";;\n\n\nDELIMITER ;\nSELECT 1;"))
        .containsExactly(stmt(trigger, 2), stmt("SELECT 1", 9));
  }

  @Test
  void splitsAnEventWithACompoundBody() {
    String event =
        "CREATE EVENT purge ON SCHEDULE EVERY 1 DAY DO\n"
            + "BEGIN\n"
            + "  DELETE FROM log WHERE at < NOW() - INTERVAL 30 DAY;\n"
            + "  INSERT INTO audit VALUES ('purged; done');\n"
            + "END";

    assertThat(parse("DELIMITER $$  -- words after the delimiter are ignored\n" + event + "$$"))
        .containsExactly(stmt(event, 2));
  }

  @Test
  void splitsAProcedureNamedWithAQuestionMark() {
    String procedure =
        "CREATE PROCEDURE IF NOT EXISTS `?`()\n"
            + "BEGIN\n"
            + "    DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;\n"
            + "    SELECT 1;\n"
            + "END";

    assertThat(
            parse(
                "DELIMITER //\n"
                    + procedure
                    + " //\nDELIMITER ;\nCALL `?`();\nDROP PROCEDURE `?`;"))
        .containsExactly(stmt(procedure, 2), stmt("CALL `?`()", 8), stmt("DROP PROCEDURE `?`", 9));
  }

  @Test
  void keepsASemicolonSeparatorInsideAStringLiteral() {
    String view =
        "CREATE VIEW actor_info AS SELECT a.actor_id,\n"
            + "GROUP_CONCAT(DISTINCT c.name ORDER BY c.name SEPARATOR '; ') AS film_info\n"
            + "FROM actor a GROUP BY a.actor_id";

    assertThat(parse(view + ";\nSELECT 1;")).containsExactly(stmt(view, 1), stmt("SELECT 1", 4));
  }

  @Test
  void keepsUseAsAStatementAndRunsALoneUseLineAtOnceLikeTheClient() {
    assertThat(parse("USE sakila;\nuse other\nSELECT 1;\n  USE `third` -- note\nSELECT 2;"))
        .containsExactly(
            stmt("USE sakila", 1),
            stmt("use other", 2),
            stmt("SELECT 1", 3),
            stmt("USE `third` -- note", 4),
            stmt("SELECT 2", 5));
  }

  @Test
  void refusesSourceCommandsNamingTheirLine() {
    String reason =
        "`source` is a command of the mysql client, not SQL: Strata sends each statement to the"
            + " server and cannot run it; put the sourced file's statements in a migration of their"
            + " own";

    assertFailsAt("SELECT 1;\n\nsource other.sql\nSELECT 2;", 3, reason);
    assertFailsAt("SELECT 1;\nSOURCE other.sql;", 2, reason);
    assertFailsAt(
        "SELECT 1;\n  \\. other.sql\n",
        2,
        "`\\.` is a command of the mysql client, not SQL: Strata sends each statement to the server"
            + " and cannot run it; put the sourced file's statements in a migration of their own");
  }

  @Test
  void refusesOtherClientCommands() {
    assertFailsAt(
        "SELECT 1\\g\n",
        1,
        "`\\g` is a command of the mysql client, not SQL: Strata sends each statement to the server"
            + " and cannot run it; end the statement with its delimiter instead");
    assertFailsAt(
        "SELECT 1;\nquit\n",
        2,
        "`quit` is a command of the mysql client, not SQL: Strata sends each statement to the"
            + " server and cannot run it; remove it");
    assertFailsAt(
        "SELECT 1; system ls;",
        1,
        "`system` is a command of the mysql client, not SQL: Strata sends each statement to the"
            + " server and cannot run it; remove it");
  }

  @Test
  void refusesDelimiterLinesTheClientsDisagreeOn() {
    assertFailsAt(
        "CREATE TABLE t (x INT)\nDELIMITER $$\n",
        2,
        "DELIMITER inside the statement starting at line 1, which has no delimiter (;) yet: the"
            + " mysql client would run that statement first, the mariadb client would send this"
            + " line to the server as part of it; end the statement with ; before DELIMITER");
    assertFailsAt(
        "SELECT 1; DELIMITER $$\nSELECT 2;",
        1,
        "DELIMITER must start a line of its own, after the previous statement's delimiter, with"
            + " the new delimiter after it (DELIMITER $$): the mysql and mariadb clients disagree"
            + " on what it means elsewhere");
    assertFailsAt(
        "SELECT 1;\nDELIMITER;\n",
        2,
        "DELIMITER must start a line of its own, after the previous statement's delimiter, with"
            + " the new delimiter after it (DELIMITER $$): the mysql and mariadb clients disagree"
            + " on what it means elsewhere");
    assertFailsAt(
        "SELECT 1;\nDELIMITER   \nSELECT 2;",
        2,
        "DELIMITER needs the new delimiter after it, e.g. DELIMITER $$");
    assertFailsAt(
        "DELIMITER \\\\\n", 1, "a delimiter cannot contain a backslash (the clients refuse it)");
  }

  @Test
  void leavesAColumnNamedDelimiterAtTheStartOfALineAlone() {
    assertThat(parse("SELECT a,\ndelimiter\nFROM t;"))
        .containsExactly(stmt("SELECT a,\ndelimiter\nFROM t", 1));
  }

  @Test
  void keepsTheLastStatementWithoutADelimiterAndSkipsEmptyOnes() {
    assertThat(parse(";;SELECT 1;; ;\n;SELECT 2\n  \n"))
        .containsExactly(stmt("SELECT 1", 1), stmt("SELECT 2", 2));
    assertThat(parse("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END"))
        .containsExactly(stmt("CREATE PROCEDURE p() BEGIN SELECT 1; END", 2));
  }

  @Test
  void yieldsNothingForEmptyOrCommentOnlyScripts() {
    assertThat(parse("")).isEmpty();
    assertThat(parse(" \n\t\n")).isEmpty();
    assertThat(parse("-- only a comment\n# another\n/* a block; */\n;\nDELIMITER $$\n$$"))
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
            + "/* before */ SELECT 1; # trailing\n";
    assertThat(parse(script))
        .containsExactly(
            stmt("CREATE TABLE t ( -- inline comment is kept\n    id INT\n  )", 5),
            stmt("SELECT 1", 8));
  }

  @Test
  void countsWindowsAndOldMacLineBreaksAndSkipsAByteOrderMark() {
    assertThat(parse("\uFEFFSELECT 1;\r\nSELECT 2;\rSELECT 3;\r\nDELIMITER $$\r\nSELECT 4$$"))
        .containsExactly(
            stmt("SELECT 1", 1), stmt("SELECT 2", 2), stmt("SELECT 3", 3), stmt("SELECT 4", 5));
  }

  @Test
  void reportsUnterminatedQuotesAndCommentsWhereTheyStart() {
    assertFailsAt(
        "SELECT 1;\nSELECT 'abc;\nSELECT 2;\n",
        2,
        "unterminated string literal starting here; close it with ' (write a ' inside it as '' or"
            + " \\')");
    assertFailsAt(
        "\n\nCREATE TABLE `t (x INT);",
        3,
        "unterminated quoted identifier starting here; close it with ` (write a ` inside it as"
            + " ``)");
    assertFailsAt(
        "SELECT 1;\n/* open\n\n",
        2,
        "unterminated comment starting here; close it with */ (comments do not nest, so the first"
            + " */ ends it)");
    assertFailsAt(
        "SELECT 1;\n/*!50003 SET @a = 1;\n",
        2,
        "unterminated executable comment (/*! or /*M!) starting here; close it with */");
    assertFailsAt(
        MARIADB.withNoBackslashEscapes(true),
        "SELECT \"x",
        1,
        "unterminated string literal starting here; close it with \" (write a \" inside it as"
            + " \"\")");
  }

  @Test
  void attributesErrorsToTheScriptUntilTheEngineNamesTheFile() {
    assertThatThrownBy(() -> parse("SELECT 'x"))
        .hasMessageStartingWith("<script>:1: unterminated string literal");
  }

  @Test
  void splitsRandomScriptsIntoTheirStatementsWithTheirLinesSoThatRejoiningThemGivesTheScript() {
    Random seeds = new Random(20240517L);
    for (int run = 0; run < 2000; run++) {
      long seed = seeds.nextLong();
      RandomScript generated = RandomScript.generate(new Random(seed), 1 + (int) (seed & 15));

      List<SqlStatement> parsed = parse(generated.script);

      assertThat(parsed)
          .as("seed %d, script:%n%s", seed, generated.script)
          .isEqualTo(generated.statements);
      assertThat(generated.rejoin(parsed.stream().map(SqlStatement::sql).toList()))
          .isEqualTo(generated.script);
    }
  }

  @Test
  void endsOnALineOfBlanksAndSplitsOnADelimiterThatStartsWithABlank() {
    assertThat(parse("SELECT 1;\n  \t")).containsExactly(stmt("SELECT 1", 1));
    assertThat(parse("SELECT 1\n  ")).containsExactly(stmt("SELECT 1", 1));
    assertThat(parse("DELIMITER ' ;'\nSELECT 1\n ;SELECT 2 ;\n  "))
        .containsExactly(stmt("SELECT 1", 2), stmt("SELECT 2", 3));
  }

  @Test
  void parsesMultiMegabyteScriptsInLinearTime() {
    StringBuilder many = new StringBuilder();
    int count = 0;
    while (many.length() < 8_000_000) {
      many.append("INSERT INTO t VALUES (1, 'a;b', `c``d`); -- note\n")
          .append("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n")
          .append("# x\n/* y; */ SELECT 'a\\'b;c'\n;\n");
      count += 3;
    }
    String oneHugeLiteral = "SELECT '" + "x;".repeat(2_000_000) + "';\nSELECT 2;";
    String oneHugeComment = "-- " + "y;".repeat(2_000_000) + "\nSELECT 3;";
    String manyLines = "\n".repeat(2_000_000) + "SELECT 4;";
    String oneLongLine = "SELECT 5;".repeat(500_000);

    long start = System.nanoTime();
    assertThat(parse(many.toString())).hasSize(count);
    assertThat(parse(oneHugeLiteral)).hasSize(2);
    assertThat(parse(oneHugeComment)).containsExactly(stmt("SELECT 3", 2));
    assertThat(parse(manyLines)).containsExactly(stmt("SELECT 4", 2_000_001));
    assertThat(parse(oneLongLine)).hasSize(500_000);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(10)); // about 0.3 s; quadratic would be hours
  }
}
