package dev.strata.source.tools.internal.dbmate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DbmateFileTest {
  @Test
  void cutsTheFileIntoItsBlocksKeepingLineNumbers() throws Exception {
    DbmateFile file =
        DbmateFile.parse(
            "-- a header comment\n"
                + "-- migrate:up\n"
                + "CREATE TABLE a (id int);\n"
                + "\n"
                + "-- migrate:down\n"
                + "DROP TABLE a;\n");

    assertThat(file.up()).isEqualTo("\n-- migrate:up\nCREATE TABLE a (id int);\n\n\n\n");
    assertThat(file.down()).isEqualTo("\n\n\n\n-- migrate:down\nDROP TABLE a;\n");
    assertThat(file.upAutocommit()).isFalse();
    assertThat(file.downAutocommit()).isFalse();
  }

  @Test
  void readsTransactionFalseExactlyAsDbmateDoes() throws Exception {
    assertThat(
            DbmateFile.parse("-- migrate:up transaction:false\nSELECT 1;\n-- migrate:down\n")
                .upAutocommit())
        .isTrue();
    assertThat(
            DbmateFile.parse("-- migrate:up\n-- migrate:down   foo:bar transaction:false\n")
                .downAutocommit())
        .isTrue();
    // Only the exact value "false" turns the transaction off; other options are ignored.
    assertThat(
            DbmateFile.parse("-- migrate:up transaction:False\n-- migrate:down\n").upAutocommit())
        .isFalse();
    assertThat(
            DbmateFile.parse("-- migrate:up transaction=false\n-- migrate:down\n").upAutocommit())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-- migrate:up", "--migrate:up", "--   migrate:up  ", "-- migrate:up x"})
  void acceptsTheDirectiveSpellingsDbmateAccepts(String directive) throws Exception {
    assertThat(DbmateFile.parse(directive + "\nSELECT 1;\n-- migrate:down\n").up())
        .contains("SELECT 1;");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {" -- migrate:up", "-- Migrate:Up", "-- migrate:upgrade", "-- migrate: up"})
  void refusesTheDirectiveSpellingsDbmateDoesNotMatch(String directive) {
    assertThatThrownBy(() -> DbmateFile.parse(directive + "\nSELECT 1;\n-- migrate:down\n"))
        .isInstanceOf(DbmateFile.Refused.class)
        .hasMessageStartingWith("has no '-- migrate:up' line");
  }

  @Test
  void refusesWhatDbmateRefusesNamingTheLine() {
    assertRefused(
        "CREATE TABLE a (id int);\n-- migrate:up\n-- migrate:down\n", 1, "has SQL before");
    assertRefused("-- migrate:up\nSELECT 1;\n", 1, "has an up block without a '-- migrate:down'");
    assertRefused(
        "-- migrate:up\n-- migrate:down\nSELECT 1;\n-- migrate:down\n",
        4,
        "a second '-- migrate:down'");
    assertRefused(
        "-- migrate:up\n-- migrate:down\n-- migrate:up transaction:false\n-- migrate:down\n",
        3,
        "mixes blocks with and without transaction:false");
  }

  @Test
  void takesEverySectionOfAFileWithSeveral() throws Exception {
    DbmateFile file =
        DbmateFile.parse(
            "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n"
                + "-- migrate:up\nSELECT 3;\n-- migrate:down\nSELECT 4;\n");

    assertThat(file.up()).isEqualTo("-- migrate:up\nSELECT 1;\n\n\n-- migrate:up\nSELECT 3;\n\n\n");
    assertThat(file.down())
        .isEqualTo("\n\n-- migrate:down\nSELECT 2;\n\n\n-- migrate:down\nSELECT 4;\n");
  }

  private static void assertRefused(String text, int line, String message) {
    assertThatThrownBy(() -> DbmateFile.parse(text))
        .isInstanceOfSatisfying(
            DbmateFile.Refused.class,
            e -> {
              assertThat(e.line).isEqualTo(line);
              assertThat(e.getMessage()).contains(message);
            });
  }
}
