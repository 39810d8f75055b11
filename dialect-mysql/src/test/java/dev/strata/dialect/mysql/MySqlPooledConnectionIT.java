package dev.strata.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.ReusingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strata borrows an application's pooled connections (the Spring Boot starter does): once it is
 * done, the limits it set for its own work must not stay on them, or the server would end the
 * pool's idle connections after the lock's 15 s of silence.
 */
@MySqlTest
class MySqlPooledConnectionIT {
  private static final List<String> VARIABLES =
      List.of(
          "wait_timeout", "lock_wait_timeout", "max_statement_time", "idle_transaction_timeout");

  @TempDir Path dir;

  @Test
  void handsItsConnectionsBackWithTheLimitsTheyCameWith(IsolatedDatabase db) throws Exception {
    Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
    Map<String, String> fresh;
    try (Connection c = db.connect()) {
      fresh = variables(c);
    }

    try (ReusingDataSource pool = new ReusingDataSource(db)) {
      Strata strata =
          Strata.configure()
              .dataSource(pool)
              .sources("filesystem:" + dir)
              .statementTimeout(Duration.ofMinutes(3))
              .load();
      assertThat(strata.migrate().applied()).hasSize(1);

      assertThat(pool.connections()).hasSizeGreaterThanOrEqualTo(2);
      for (Connection c : pool.connections()) {
        assertThat(variables(c)).isEqualTo(fresh);
      }
    }
  }

  private static Map<String, String> variables(Connection c) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      for (String name : VARIABLES) {
        try (ResultSet rs = s.executeQuery("SELECT @@SESSION." + name)) {
          rs.next();
          values.put(name, rs.getString(1));
        }
      }
    }
    return values;
  }
}
