package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ConfigurationException;
import dev.strata.api.HistoryEntry;
import dev.strata.api.StrataEvent;
import dev.strata.core.Strata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile names without a database server (H2 in memory): history table names that try SQL
 * injection are refused by the configuration, and migration file names full of shell
 * metacharacters, spaces and unicode are data, recorded as they are.
 */
class HostileInputTest {
  /** A file name a shell would run, with spaces, quotes and unicode (no '/', which no name has). */
  static final String SHELL_NAME =
      "V1__drop $(touch pwned); rm -rf ~ & echo 'q' \"dq\" | cat > x `id` ü 日本 😀.sql";

  static final String SHELL_DESCRIPTION =
      "drop $(touch pwned); rm -rf ~ & echo 'q' \"dq\" | cat > x `id` ü 日本 😀";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x; DROP TABLE y",
        "x\"; DROP TABLE y; --",
        "x`; DROP TABLE y; --",
        "x'; DROP TABLE y; --",
        "strata history",
        "",
        "1history",
        "history\n",
        "tabelle_ü",
        "a.b",
      })
  void refusesAHistoryTableNameThatIsNotAPlainIdentifier(String table) {
    assertThatThrownBy(() -> Strata.configure().url(h2()).table(table).load())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Invalid history table name")
        .hasMessageContaining("(strata.table)");
  }

  @Test
  void refusesAnInjectedHistoryTableNameGivenAsAProperty() {
    assertThatThrownBy(
            () ->
                Strata.configure()
                    .url(h2())
                    .properties(java.util.Map.of("strata.table", "t; DROP TABLE users"))
                    .load())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("strata.table");
  }

  @Test
  void appliesAMigrationWhoseFileNameHasShellMetacharactersSpacesAndUnicodeAndRecordsItVerbatim()
      throws Exception {
    Files.writeString(dir.resolve(SHELL_NAME), "CREATE TABLE shell_names (id INT);\n");
    Path cwd = Path.of("").toAbsolutePath();

    Strata strata = Strata.configure().url(h2()).sources("filesystem:" + dir).load();
    assertThat(strata.migrate().applied()).hasSize(1);

    HistoryEntry row = strata.history().get(0);
    assertThat(row.id().description()).isEqualTo(SHELL_DESCRIPTION);
    assertThat(row.script()).isEqualTo(dir.resolve(SHELL_NAME).toString());
    assertThat(strata.validate(true).problems()).isEmpty();
    assertThat(cwd.resolve("pwned")).doesNotExist();
    assertThat(dir.resolve("pwned")).doesNotExist();
  }

  @Test
  void refusesAFileWhoseNameHasALineBreakUnlessIgnored() throws Exception {
    Files.writeString(dir.resolve("V1__new\nline.sql"), "CREATE TABLE line_break (id INT);\n");
    List<StrataEvent> events = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () -> Strata.configure().url(h2()).sources("filesystem:" + dir).load().migrate())
        .isInstanceOf(dev.strata.api.MigrationDiscoveryException.class)
        .hasMessageContaining("follows no naming convention");
    Strata ignoring =
        Strata.configure()
            .url(h2())
            .sources("filesystem:" + dir)
            .ignore("V1__new?line.sql")
            .listener(events::add)
            .load();

    assertThat(ignoring.migrate().applied()).isEmpty();
    assertThat(events)
        .contains(new StrataEvent.FileIgnored(dir.resolve("V1__new\nline.sql").toString()));
  }

  @Test
  void placeholderSyntaxIsTextSoTheEnvironmentCannotInjectSql() throws Exception {
    // Strata has no placeholders: ${...} is sent as written, whatever the environment holds.
    CliWorkspace ws = new CliWorkspace(dir);
    ws.file(
        "V1__notes.sql",
        "CREATE TABLE notes (note VARCHAR(100));\n"
            + "INSERT INTO notes VALUES ('${STRATA_NOTE}');\n"
            + "INSERT INTO notes VALUES ('${flyway:user} ${NOTE}');\n");
    String injection = "x'); DROP TABLE notes; --";
    Map<String, String> env =
        Map.of(
            "STRATA_URL", ws.url,
            "STRATA_SOURCES", ws.source,
            "STRATA_NOTE", injection,
            "NOTE", injection,
            "STRATA_PLACEHOLDERS_NOTE", injection);

    CliWorkspace.Result result = CliWorkspace.run(env, "migrate");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    try (var c = java.sql.DriverManager.getConnection(ws.url);
        var rs = c.createStatement().executeQuery("SELECT note FROM notes ORDER BY note")) {
      List<String> notes = new java.util.ArrayList<>();
      while (rs.next()) {
        notes.add(rs.getString(1));
      }
      assertThat(notes).containsExactly("${STRATA_NOTE}", "${flyway:user} ${NOTE}");
    }
  }

  private static String h2() {
    return "jdbc:h2:mem:hostile_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  }
}
