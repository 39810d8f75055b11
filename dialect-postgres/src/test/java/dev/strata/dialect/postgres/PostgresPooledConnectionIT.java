package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import dev.strata.testsupport.ReusingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strata borrows an application's pooled connections (the Spring Boot starter does): once it is
 * done, the settings it made for its own work must not stay on them, or the application's own
 * transactions would be ended after 15 s idle, its idle connections after 15 s of silence.
 */
@PostgresTest
class PostgresPooledConnectionIT {
  private static final List<String> SETTINGS =
      List.of(
          "idle_in_transaction_session_timeout",
          "idle_session_timeout",
          "tcp_keepalives_idle",
          "tcp_keepalives_interval",
          "tcp_keepalives_count",
          "lock_timeout",
          "statement_timeout");

  @TempDir Path dir;

  @Test
  void handsItsConnectionsBackWithTheSettingsTheyCameWith(IsolatedDatabase db) throws Exception {
    Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
    Map<String, String> fresh;
    try (Connection c = db.connect()) {
      fresh = settings(c);
    }

    try (ReusingDataSource pool = new ReusingDataSource(db)) {
      Strata strata =
          Strata.configure()
              .dataSource(pool)
              .sources("filesystem:" + dir)
              .statementTimeout(java.time.Duration.ofMinutes(3))
              .load();
      assertThat(strata.migrate().applied()).hasSize(1);

      // The migration's connection and the lock's.
      assertThat(pool.connections()).hasSizeGreaterThanOrEqualTo(2);
      for (Connection c : pool.connections()) {
        assertThat(settings(c)).isEqualTo(fresh);
      }
    }
  }

  private static Map<String, String> settings(Connection c) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      for (String name : SETTINGS) {
        try (ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "', true)")) {
          rs.next();
          values.put(name, rs.getString(1));
        }
      }
    }
    return values;
  }
}
