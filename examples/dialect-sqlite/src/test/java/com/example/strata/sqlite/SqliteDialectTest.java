package com.example.strata.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the TCK does not cover: schemas, lock files, and in-memory databases. */
class SqliteDialectTest {
  private final SqliteDialect dialect = SqliteDialect.INSTANCE;
  @TempDir Path dir;

  @Test
  void acceptsMainInAnyCaseAndRefusesEveryOtherSchema() throws Exception {
    try (Connection c = connect()) {
      dialect.useSchema(c, "MAIN");
      dialect.createSchemaIfAbsent(c, "main");

      assertThatThrownBy(() -> dialect.createSchemaIfAbsent(c, "tenant_1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("SQLite has no schemas")
          .hasMessageContaining("'tenant_1'")
          .hasMessageContaining("strata.schema");
      assertThatThrownBy(() -> dialect.useSchema(c, "temp")).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void findsTablesIgnoringCaseButNotByWildcard() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE strataXschemaXhistory (id INT)");
      assertThat(dialect.tableExists(c, "main", "strata_schema_history")).isFalse();

      s.execute("CREATE TABLE \"Strata_Schema_History\" (id INT)");
      assertThat(dialect.tableExists(c, "main", "strata_schema_history")).isTrue();
      assertThat(dialect.tableExists(c, "drizzle", "strata_schema_history")).isFalse();
    }
  }

  @Test
  void namesTheLockFileAfterTheHistoryTable() {
    Path db = Path.of("/data/app.db");

    assertThat(SqliteLock.lockFile(db, "strata:main.strata_schema_history"))
        .isEqualTo(Path.of("/data/app.db.main.strata_schema_history.lock"));
    assertThat(SqliteLock.lockFile(db, "strata:main.History"))
        .as("SQLite names ignore case")
        .isEqualTo(SqliteLock.lockFile(db, "strata:main.history"));
    assertThat(SqliteLock.lockFile(db, "strata:main.a/b").getFileName().toString())
        .matches("app\\.db\\.main\\.a_b-[0-9a-f]{12}\\.lock")
        .isNotEqualTo(SqliteLock.lockFile(db, "strata:main.a_b").getFileName().toString());
  }

  @Test
  void refusesToLockAnInMemoryDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      assertThatThrownBy(() -> dialect.lock(c, LockHolder.request(Duration.ofSeconds(1))))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("in-memory");
    }
  }

  @Test
  void restoresTheConnectionsBusyTimeoutOnRelease() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 1234");

      dialect.lock(c, LockHolder.request(Duration.ofSeconds(1))).close();

      try (var rs = s.executeQuery("PRAGMA busy_timeout")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1234);
      }
      try (var rs = s.executeQuery("PRAGMA database_list")) {
        while (rs.next()) {
          assertThat(rs.getString("name"))
              .as("databases still attached")
              .isNotEqualTo("strata_lock");
        }
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
  }
}
