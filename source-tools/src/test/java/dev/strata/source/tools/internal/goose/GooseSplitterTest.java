package dev.strata.source.tools.internal.goose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.Direction;
import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GooseSplitterTest {
  private static final Envsubst ENV = new Envsubst(Map.of("TABLE", "users", "EMPTY", ""));

  private static List<SqlStatement> up(String script) {
    return new GooseSplitter(Direction.UP, ENV).split(script);
  }

  private static List<SqlStatement> down(String script) {
    return new GooseSplitter(Direction.DOWN, ENV).split(script);
  }

  @Test
  void splitsAtLinesEndingWithASemicolonKeepingTheFilesLineNumbers() {
    String script =
        """

        -- a comment before the annotation
        -- +goose Up
        -- comment before the statement
        CREATE TABLE a (
          id int
        );

        INSERT INTO a VALUES (1); -- trailing comment
        -- +goose Down
        DROP TABLE a;
        """;

    assertThat(up(script))
        .containsExactly(
            SqlStatement.of("CREATE TABLE a (\n  id int\n)", 5),
            SqlStatement.of("INSERT INTO a VALUES (1)", 9));
    assertThat(down(script)).containsExactly(SqlStatement.of("DROP TABLE a", 11));
  }

  @Test
  void keepsSemicolonsInsideAStatementBlock() {
    String script =
        """
        -- +goose Up
        -- +goose StatementBegin
        CREATE FUNCTION f() RETURNS int AS $$
        BEGIN
          RETURN 1;
        END;
        $$ LANGUAGE plpgsql;
        -- +goose StatementEnd
        SELECT f();
        """;

    assertThat(up(script))
        .containsExactly(
            SqlStatement.of(
                "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE"
                    + " plpgsql",
                3),
            SqlStatement.of("SELECT f()", 9));
  }

  @Test
  void takesAWordStartingWithDashesForACommentEvenInsideAString() {
    // goose's endsWithSemicolon stops at the first word starting with --, so this line does not
    // end the statement and the next one is joined to it.
    String script =
        """
        -- +goose Up
        INSERT INTO t VALUES ('a --b');
        INSERT INTO t VALUES ('c');
        """;

    assertThat(up(script))
        .containsExactly(
            SqlStatement.of("INSERT INTO t VALUES ('a --b');\nINSERT INTO t VALUES ('c')", 2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-- +goose Up",
        "-- +goose up",
        "-- +goose UP",
        "--+goose Up",
        "--   +goose   Up   ",
        "---- +goose Up",
        "-- +goose Up --"
      })
  void acceptsTheUpSpellingsGooseAccepts(String annotation) {
    assertThat(up(annotation + "\nSELECT 1;\n")).containsExactly(SqlStatement.of("SELECT 1", 2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-- +goose no transaction",
        "-- +goose NO TRANSACTION",
        "-- +goose statementbegin",
        "-- +goose envsub off"
      })
  void acceptsOtherAnnotationsInAnyCase(String annotation) {
    String script = "-- +goose Up\n" + annotation + "\nSELECT 1;\n";
    if (annotation.toLowerCase().contains("statementbegin")) {
      script += "-- +goose StatementEnd\n";
    }
    assertThat(up(script)).containsExactly(SqlStatement.of("SELECT 1", 3));
  }

  @Test
  void refusesAnnotationsGooseRefusesNamingTheLine() {
    assertRefused("-- +goose Up\n  -- +goose Down\n", 2, "the annotation is indented");
    assertRefused("-- +goose Up\n-- +goose  NO  TRANSACTION\n", 2, "'NO  TRANSACTION' is not a");
    assertRefused("-- +goose Up -- note\n", 1, "'Up  note' is not a goose annotation");
    assertRefused("-- +goose Upward\n", 1, "'Upward' is not a goose annotation");
    assertRefused("-- +goose\n", 1, "the annotation is empty");
    assertRefused("-- +goose Up +goose Down\n", 1, "the line holds '+goose' twice");
    assertRefused("-- +goose Up\n-- see +goose docs\n", 2, "'see  docs' is not a goose");
  }

  @Test
  void refusesWhatGooseRefusesNamingTheLine() {
    assertRefused("SELECT 1;\n", 1, "SQL before the '-- +goose Up' annotation");
    assertRefused("-- only a comment\n", 1, "no '-- +goose Up' annotation");
    assertRefused("-- +goose Up\n-- +goose Up\n", 2, "a second '-- +goose Up' annotation");
    assertRefused("-- +goose Down\n", 1, "'-- +goose Down' before '-- +goose Up'");
    assertRefused(
        "-- +goose Up\nSELECT 1;\n-- +goose StatementEnd\n", 3, "'-- +goose StatementEnd' without");
    assertRefused(
        "-- +goose Up\n\n-- +goose StatementBegin\nSELECT 1;\n",
        3,
        "'-- +goose StatementBegin' is never ended");
    assertRefused("-- +goose StatementBegin\n", 1, "'-- +goose StatementBegin' must follow");
    assertRefused("-- +goose Up\nSELECT 1\n-- +goose Down\nSELECT 2;\n", 2, "unfinished statement");
    assertRefused("-- +goose Up\nSELECT 1;\nSELECT\n  2\n", 3, "unfinished statement");
  }

  @Test
  void substitutesTheEnvironmentOnlyBetweenEnvsubOnAndOff() {
    String script =
        """
        -- +goose Up
        SELECT '${TABLE}';
        -- +goose ENVSUB ON
        SELECT '${TABLE}', '$TABLE', '${MISSING}', '${MISSING:-fallback}', '${EMPTY:-e}';
        SELECT '${EMPTY-unset}', '${MISSING-unset}', '${TABLE:1:3}', '$$', '\\$', '$(x)';
        -- +goose ENVSUB OFF
        SELECT '${TABLE}';
        """;

    assertThat(up(script))
        .extracting(SqlStatement::sql)
        .containsExactly(
            "SELECT '${TABLE}'",
            "SELECT 'users', 'users', '', 'fallback', 'e'",
            "SELECT '', 'unset', 'ser', '$', '$', '$(x)'",
            "SELECT '${TABLE}'");
  }

  @Test
  void refusesASubstitutionGooseRefuses() {
    assertRefused(
        "-- +goose Up\n-- +goose ENVSUB ON\nSELECT $1;\n",
        3,
        "variable substitution failed (-- +goose ENVSUB ON): Expected identifier to start with a"
            + " letter, got '1'");
    assertRefused(
        "-- +goose Up\n-- +goose ENVSUB ON\nSELECT '${MISSING?set MISSING first}';\n",
        3,
        "$MISSING: set MISSING first");
    assertRefused(
        "-- +goose Up\n-- +goose ENVSUB ON\nSELECT '${TABLE';\n", 3, "Expected an operator");
  }

  @Test
  void readsCrlfFiles() {
    assertThat(up("-- +goose Up\r\nSELECT 1;\r\n-- +goose Down\r\nSELECT 2;\r\n"))
        .containsExactly(SqlStatement.of("SELECT 1", 2));
  }

  private static void assertRefused(String script, int line, String reason) {
    assertThatThrownBy(() -> up(script))
        .isInstanceOfSatisfying(
            ScriptParseException.class,
            e -> {
              assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
              assertThat(e.reason()).contains(reason);
            });
  }
}
