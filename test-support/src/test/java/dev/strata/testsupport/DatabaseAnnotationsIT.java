package dev.strata.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DatabaseAnnotationsIT {
  /** Names of the databases injected so far, by server. */
  private static final Map<TestDatabase, List<String>> injected = new ConcurrentHashMap<>();

  @AfterAll
  static void everyInjectedDatabaseIsDroppedAfterItsTest() throws SQLException {
    for (Map.Entry<TestDatabase, List<String>> entry : injected.entrySet()) {
      try (IsolatedDatabase witness = entry.getKey().createIsolated();
          Connection c = witness.connect()) {
        boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        String sql =
            postgres
                ? "SELECT 1 FROM pg_database WHERE datname = ?"
                : "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
        for (String name : entry.getValue()) {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              assertThat(rs.next()).as(name + " still exists").isFalse();
            }
          }
        }
      }
    }
  }

  @Nested
  @PostgresTest
  class OnPostgres {
    @Test
    void injectsAnIsolatedPostgresDatabaseAndTheServer(IsolatedDatabase db, TestDatabase server)
        throws SQLException {
      record(TestDatabases.postgres(), db);
      assertThat(server).isSameAs(TestDatabases.postgres());
      assertThat(product(db)).isEqualTo("PostgreSQL");
    }
  }

  @Nested
  @MySqlTest
  class OnMySql {
    @Test
    void injectsAnIsolatedMySqlDatabase(IsolatedDatabase db) throws SQLException {
      record(TestDatabases.mysql(), db);
      assertThat(product(db)).isIn("MySQL", "MariaDB");
    }
  }

  @Nested
  @MySql8Test
  class OnMySql8 {
    @Test
    void injectsAnIsolatedDatabaseOnMySql8NotMariaDb(IsolatedDatabase db) throws SQLException {
      record(TestDatabases.mysql8(), db);
      try (Connection c = db.connect()) {
        assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("MySQL");
        assertThat(c.getMetaData().getDatabaseProductVersion())
            .doesNotContainIgnoringCase("mariadb");
        assertThat(c.getMetaData().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(8);
      }
    }
  }

  @Test
  void injectsOneDatabaseOfEachKindWhenTheParametersSayWhich(
      @PostgresTest IsolatedDatabase pg, @MySqlTest IsolatedDatabase my) throws SQLException {
    record(TestDatabases.postgres(), pg);
    record(TestDatabases.mysql(), my);
    assertThat(product(pg)).isEqualTo("PostgreSQL");
    assertThat(product(my)).isIn("MySQL", "MariaDB");
  }

  private static void record(TestDatabase server, IsolatedDatabase db) {
    injected.computeIfAbsent(server, s -> new CopyOnWriteArrayList<>()).add(db.name());
  }

  private static String product(IsolatedDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      return c.getMetaData().getDatabaseProductName();
    }
  }
}
