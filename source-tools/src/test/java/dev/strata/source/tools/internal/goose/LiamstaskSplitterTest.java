package dev.strata.source.tools.internal.goose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.Direction;
import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiamstaskSplitterTest {
  private static List<SqlStatement> up(String script) {
    return new LiamstaskSplitter(Direction.UP).split(script);
  }

  @Test
  void splitsAsTheOriginalGooseLeavingOutCommentLinesAroundStatements() {
    String script =
        """

        -- +goose Up
        -- SQL in section 'Up' is executed when this migration is applied
        CREATE TABLE a (id int);

        -- +goose Down
        -- SQL section 'Down' is executed when this migration is rolled back
        DROP TABLE a;
        """;

    assertThat(up(script)).containsExactly(SqlStatement.of("CREATE TABLE a (id int)", 4));
    assertThat(new LiamstaskSplitter(Direction.DOWN).split(script))
        .containsExactly(SqlStatement.of("DROP TABLE a", 8));
  }

  @Test
  void readsAnnotationsOnlyCaseSensitivelyAtColumnZero() {
    assertThatThrownBy(() -> up("-- +goose up\nSELECT 1;\n"))
        .isInstanceOfSatisfying(
            ScriptParseException.class,
            e -> assertThat(e.reason()).startsWith("no '-- +goose Up' or '-- +goose Down'"));
    assertThatThrownBy(() -> up(" -- +goose Up\nSELECT 1;\n"))
        .isInstanceOf(ScriptParseException.class);
    assertThatThrownBy(() -> up("--+goose Up\nSELECT 1;\n"))
        .isInstanceOf(ScriptParseException.class);
    // v3 would refuse "-- +goose NO TRANSACTION" and "-- +goose up"; here they are comments.
    assertThat(up("-- +goose Up\n-- +goose NO TRANSACTION\nSELECT 1;\n"))
        .containsExactly(SqlStatement.of("SELECT 1", 3));
  }

  @Test
  void switchesDirectionAnyNumberOfTimesAndKeepsStatementBlocksWhole() {
    String script =
        """
        -- +goose Up
        SELECT 1;
        -- +goose Down
        SELECT 2;
        -- +goose Up
        -- +goose StatementBegin
        CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN
          SET NEW.id = 1;
        END;
        -- +goose StatementEnd
        """;

    assertThat(up(script))
        .containsExactly(
            SqlStatement.of("SELECT 1", 2),
            SqlStatement.of(
                "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN\n  SET NEW.id = 1;\nEND",
                7));
  }

  @Test
  void stopsWhereTheOriginalGooseWouldSilentlyDropSql() {
    assertThatThrownBy(() -> up("-- +goose Up\nSELECT 1;\nSELECT 2\n-- +goose Down\n"))
        .isInstanceOfSatisfying(
            ScriptParseException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.reason()).startsWith("text after the last ';' of the section");
            });
    assertThatThrownBy(() -> up("-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n"))
        .isInstanceOfSatisfying(ScriptParseException.class, e -> assertThat(e.line()).isEqualTo(2));
    assertThat(up("-- +goose Up\nSELECT 1;\n-- just a comment\n")).hasSize(1);
  }
}
