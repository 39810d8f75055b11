package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.strata.api.ConfigurationException;
import dev.strata.api.DatabaseAccessException;
import dev.strata.api.HistoryEntry;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input against real servers: schema names that try SQL injection are quoted so that they
 * stay names, migration file names full of shell metacharacters and unicode are recorded as they
 * are, and a password with special characters never appears in an error message.
 */
class HostileInputIT {
  /** Quotes of every kind, a statement separator, a comment: inert only if quoted right. */
  static final String PG_SCHEMA = "we\"ird'; DROP TABLE victim; --";

  static final String MARIADB_SCHEMA = "strata_t_we`ird'; DROP TABLE victim; --x";

  /** A password no URL or shell takes unescaped. */
  static final String PASSWORD = "p@ss'w\"rd;$(id)&x=1%20/\\ü";

  @TempDir Path dir;

  @Test
  void quotesAPostgresSchemaNameWithQuotesAndASemicolonSoThatItStaysAName(
      @PostgresTest IsolatedDatabase db) throws Exception {
    Jdbc.execute(db, "CREATE TABLE victim (id int)");
    migrations();

    Strata strata =
        Strata.configure().url(db.jdbcUrl()).schema(PG_SCHEMA).sources("filesystem:" + dir).load();
    assertThat(strata.migrate().applied()).hasSize(1);

    assertThat(Jdbc.value(db, "SELECT to_regclass('public.victim') IS NOT NULL")).isEqualTo("t");
    assertThat(
            Jdbc.column(
                db,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + PG_SCHEMA.replace("'", "''")
                    + "' ORDER BY table_name"))
        .containsExactly("in_schema", "strata_schema_history");
    assertThat(strata.history()).extracting(HistoryEntry::success).containsExactly(true);
    assertThat(strata.migrate().lockTaken()).isFalse();
  }

  @Test
  void quotesAMariaDbSchemaNameWithQuotesAndASemicolonSoThatItStaysAName(
      @MySqlTest IsolatedDatabase db) throws Exception {
    Jdbc.execute(db, "CREATE TABLE victim (id INT)");
    migrations();
    try {
      Strata strata =
          Strata.configure()
              .url(db.jdbcUrl())
              .schema(MARIADB_SCHEMA)
              .sources("filesystem:" + dir)
              .load();
      assertThat(strata.migrate().applied()).hasSize(1);

      assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM victim")).isEqualTo("0");
      assertThat(
              Jdbc.column(
                  db,
                  "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                      + MARIADB_SCHEMA.replace("'", "''")
                      + "' ORDER BY table_name"))
          .containsExactly("in_schema", "strata_schema_history");
      assertThat(strata.history()).extracting(HistoryEntry::success).containsExactly(true);
      assertThat(strata.migrate().lockTaken()).isFalse();
    } finally {
      Jdbc.execute(db, "DROP DATABASE IF EXISTS `" + MARIADB_SCHEMA.replace("`", "``") + "`");
    }
  }

  @Test
  void aSchemaNameTheDialectCannotQuoteIsAConfigurationErrorNamingTheOption(
      @PostgresTest IsolatedDatabase db) throws Exception {
    migrations();
    for (String schema : new String[] {"bad\0schema", ""}) {
      Throwable thrown =
          catchThrowable(
              () ->
                  Strata.configure()
                      .url(db.jdbcUrl())
                      .schema(schema)
                      .sources("filesystem:" + dir)
                      .load()
                      .migrate());

      assertThat(thrown)
          .as("schema %s", ParserFuzzTest.shown(schema))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("strata.schema");
    }
  }

  @Test
  void recordsAPostgresMigrationWhoseFileNameHasShellMetacharactersAndUnicodeVerbatim(
      @PostgresTest IsolatedDatabase db) throws Exception {
    recordsTheShellFileNameVerbatim(db);
  }

  @Test
  void recordsAMariaDbMigrationWhoseFileNameHasShellMetacharactersAndUnicodeVerbatim(
      @MySqlTest IsolatedDatabase db) throws Exception {
    recordsTheShellFileNameVerbatim(db);
  }

  private void recordsTheShellFileNameVerbatim(IsolatedDatabase db) throws Exception {
    Files.writeString(
        dir.resolve(HostileInputTest.SHELL_NAME), "CREATE TABLE shell_names (id INT);\n");

    Strata strata = Strata.configure().url(db.jdbcUrl()).sources("filesystem:" + dir).load();
    assertThat(strata.migrate().applied()).hasSize(1);

    HistoryEntry row = strata.history().get(0);
    assertThat(row.id().description()).isEqualTo(HostileInputTest.SHELL_DESCRIPTION);
    assertThat(row.script()).isEqualTo(dir.resolve(HostileInputTest.SHELL_NAME).toString());
    assertThat(strata.validate(true).problems()).isEmpty();
  }

  @Test
  void aWrongPasswordWithSpecialCharactersIsNotInTheMariaDbError(@MySqlTest IsolatedDatabase db)
      throws Exception {
    String user = "strata_rel_" + Long.toString(System.nanoTime(), 36);
    Jdbc.execute(db, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'right-password'");
    try {
      String url =
          db.jdbcUrl()
              .replaceAll("([?&])user=[^&]*", "$1user=" + user)
              .replaceAll("([?&])password=[^&]*&?", "$1");
      Throwable thrown =
          catchThrowable(
              () -> Strata.configure().url(url).user(user).password(PASSWORD).load().migrate());

      assertThat(thrown)
          .isInstanceOf(DatabaseAccessException.class)
          .hasMessageContaining("Access denied");
      assertNoPasswordIn(thrown);
    } finally {
      Jdbc.execute(db, "DROP USER IF EXISTS '" + user + "'@'%'");
    }
  }

  @Test
  void aPasswordInTheUrlIsNotInTheErrorWhenTheDatabaseIsMissing(@PostgresTest IsolatedDatabase db) {
    String url =
        db.jdbcUrl().replace(db.name(), db.name() + "_missing")
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);

    Throwable thrown = catchThrowable(() -> Strata.configure().url(url).load().migrate());

    assertThat(thrown)
        .isInstanceOf(DatabaseAccessException.class)
        .hasMessageContaining("does not exist");
    assertNoPasswordIn(thrown);
    assertThat(fullText(thrown))
        .doesNotContain(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
  }

  @Test
  void aPasswordGivenApartIsNotInTheErrorWhenTheDatabaseIsMissing(
      @PostgresTest IsolatedDatabase db) {
    String url = db.jdbcUrl().replace(db.name(), db.name() + "_missing");

    Throwable thrown =
        catchThrowable(() -> Strata.configure().url(url).password(PASSWORD).load().migrate());

    assertThat(thrown)
        .isInstanceOf(DatabaseAccessException.class)
        .hasMessageContaining("does not exist");
    assertNoPasswordIn(thrown);
  }

  @Test
  void aPasswordInTheUrlWithASemicolonIsNotInTheError(@PostgresTest IsolatedDatabase db) {
    String url =
        db.jdbcUrl().replace(db.name(), db.name() + "_missing") + "&password=abc;secret-tail";

    Throwable thrown = catchThrowable(() -> Strata.configure().url(url).load().migrate());

    assertThat(thrown).isInstanceOf(DatabaseAccessException.class);
    assertThat(fullText(thrown)).doesNotContain("secret-tail");
  }

  @Test
  void aPasswordWithAnAtSignInTheUrlUserInfoIsNotInTheError(@MySqlTest IsolatedDatabase db) {
    String url = "jdbc:mysql://nobody:abc@secret-tail@127.0.0.1:3306/" + db.name();

    Throwable thrown = catchThrowable(() -> Strata.configure().url(url).load().migrate());

    assertThat(thrown).isInstanceOf(DatabaseAccessException.class);
    assertThat(thrown.getMessage()).doesNotContain("secret-tail");
  }

  private static void assertNoPasswordIn(Throwable thrown) {
    assertThat(thrown.getMessage()).doesNotContain(PASSWORD).doesNotContain("ss'w\"rd");
    // Causes and suppressed exceptions too: a CLI or a log may print the whole stack trace.
    assertThat(fullText(thrown)).doesNotContain(PASSWORD).doesNotContain("ss'w\"rd");
  }

  private static String fullText(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private void migrations() throws Exception {
    Files.writeString(dir.resolve("V1__in_schema.sql"), "CREATE TABLE in_schema (id INT);\n");
  }
}
