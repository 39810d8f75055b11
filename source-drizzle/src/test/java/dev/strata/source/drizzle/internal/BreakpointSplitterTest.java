package dev.strata.source.drizzle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakpointSplitterTest {
  private static List<SqlStatement> split(String script) {
    return BreakpointSplitter.INSTANCE.split(script);
  }

  private static List<String> lines(List<SqlStatement> statements) {
    return statements.stream().map(s -> s.line() + ": " + s.sql()).toList();
  }

  @Test
  void splitsAtAMarkerOnALineOfItsOwn() {
    String script =
        "CREATE TABLE a (id int);\n" + "--> statement-breakpoint\n" + "CREATE TABLE b (id int);\n";

    assertThat(lines(split(script)))
        .containsExactly("1: CREATE TABLE a (id int)", "3: CREATE TABLE b (id int)");
  }

  @Test
  void splitsAtAMarkerRightAfterTheSemicolonOnTheSameLine() {
    String script =
        "ALTER TABLE \"Chat\" ADD COLUMN \"title\" text NOT NULL;--> statement-breakpoint\n"
            + "ALTER TABLE \"Chat\" ADD COLUMN \"visibility\" varchar DEFAULT 'private' NOT NULL;"
            + "--> statement-breakpoint\n"
            + "CREATE INDEX i ON \"Chat\" (title);";

    assertThat(lines(split(script)))
        .containsExactly(
            "1: ALTER TABLE \"Chat\" ADD COLUMN \"title\" text NOT NULL",
            "2: ALTER TABLE \"Chat\" ADD COLUMN \"visibility\" varchar DEFAULT 'private' NOT NULL",
            "3: CREATE INDEX i ON \"Chat\" (title)");
  }

  @Test
  void keepsSemicolonsInsideAChunkSoADoBlockStaysWhole() {
    String script =
        "CREATE TABLE a (id int);\n"
            + "--> statement-breakpoint\n"
            + "DO $$ BEGIN\n"
            + " ALTER TABLE a ADD CONSTRAINT c CHECK (id > 0);\n"
            + "EXCEPTION\n"
            + " WHEN duplicate_object THEN null;\n"
            + "END $$;\n";

    List<SqlStatement> statements = split(script);

    assertThat(statements).hasSize(2);
    assertThat(statements.get(1).line()).isEqualTo(3);
    assertThat(statements.get(1).sql())
        .isEqualTo(
            "DO $$ BEGIN\n ALTER TABLE a ADD CONSTRAINT c CHECK (id > 0);\nEXCEPTION\n"
                + " WHEN duplicate_object THEN null;\nEND $$");
  }

  @Test
  void handlesWindowsLineEndings() {
    String script =
        "CREATE TABLE a (\r\n"
            + "  id int\r\n"
            + ");\r\n"
            + "--> statement-breakpoint\r\n\r\n"
            + "CREATE TABLE b (id int);\r\n";

    assertThat(lines(split(script)))
        .containsExactly("1: CREATE TABLE a (\n  id int\n)", "6: CREATE TABLE b (id int)");
  }

  @Test
  void leavesOutAChunkOfOnlyComments() {
    String script =
        "-- Custom SQL migration file, put your code below! --\n"
            + "-- This file is empty as there was a bug --";

    assertThat(split(script)).isEmpty();
  }

  @Test
  void leavesOutCommentOnlyAndEmptyChunksBetweenStatements() {
    String script =
        "CREATE TABLE a (id int);\n"
            + "--> statement-breakpoint\n"
            + "/* nothing here */\n-- nor here\n"
            + "--> statement-breakpoint\n"
            + "--> statement-breakpoint\n"
            + "   \n"
            + "--> statement-breakpoint\n"
            + ";\n"
            + "--> statement-breakpoint\n"
            + "CREATE TABLE b (id int);";

    assertThat(lines(split(script)))
        .containsExactly("1: CREATE TABLE a (id int)", "11: CREATE TABLE b (id int)");
  }

  @Test
  void keepsLeadingCommentsWithTheirStatementAndStartsOnTheFirstNonBlankLine() {
    String script =
        "CREATE TABLE a (id int);--> statement-breakpoint\n"
            + "\n"
            + "\n"
            + "-- fill the new column\n"
            + "UPDATE a SET id = 1;\n";

    assertThat(lines(split(script)))
        .containsExactly(
            "1: CREATE TABLE a (id int)", "4: -- fill the new column\nUPDATE a SET id = 1");
  }

  @Test
  void treatsMySqlExecutableCommentsAsStatements() {
    String script = "/*!40101 SET NAMES utf8mb4 */;\n--> statement-breakpoint\n/*+ hint */";

    assertThat(lines(split(script)))
        .containsExactly("1: /*!40101 SET NAMES utf8mb4 */", "3: /*+ hint */");
  }

  @Test
  void treatsAnUnterminatedBlockCommentAsAStatementSoTheDatabaseReportsIt() {
    assertThat(lines(split("/* never closed\n"))).containsExactly("1: /* never closed");
  }

  @Test
  void keepsAStatementEndingInACommentAsWritten() {
    assertThat(lines(split("SELECT 1; -- done\n"))).containsExactly("1: SELECT 1; -- done");
  }

  @Test
  void removesOnlyTheLastSemicolon() {
    assertThat(lines(split("SELECT 1;;\n"))).containsExactly("1: SELECT 1;");
  }

  @Test
  void splitsAtAMarkerEvenInsideAStringLiteralAsDrizzleDoes() {
    String script = "INSERT INTO t VALUES ('a--> statement-breakpointb');";

    assertThat(lines(split(script))).containsExactly("1: INSERT INTO t VALUES ('a", "1: b')");
  }

  @Test
  void aScriptWithoutMarkersIsOneStatement() {
    String script = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";

    assertThat(lines(split(script)))
        .containsExactly("1: CREATE TABLE a (id int);\nCREATE TABLE b (id int)");
  }

  @Test
  void anEmptyScriptHasNoStatements() {
    assertThat(split("")).isEmpty();
    assertThat(split("\n\n")).isEmpty();
  }

  @Test
  void countsLinesAcrossManyChunks() {
    StringBuilder script = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      script.append("-- statement ").append(i).append("\nSELECT ").append(i).append(";\n");
      script.append("--> statement-breakpoint\n");
    }

    assertThat(split(script.toString()))
        .extracting(SqlStatement::line)
        .containsExactly(1, 4, 7, 10, 13);
  }

  @Test
  void neverMarksAStatementAsNeedingNoTransaction() {
    assertThat(split("CREATE INDEX CONCURRENTLY i ON a (id);"))
        .singleElement()
        .satisfies(s -> assertThat(s.noTransaction()).isFalse());
  }
}
