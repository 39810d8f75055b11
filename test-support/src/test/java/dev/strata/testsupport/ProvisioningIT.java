package dev.strata.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProvisioningIT {
  static Stream<TestDatabase> servers() {
    return Stream.of(TestDatabases.postgres(), TestDatabases.mysql());
  }

  @ParameterizedTest
  @MethodSource("servers")
  void givesEachTestItsOwnDatabaseAndDropsItOnClose(TestDatabase server) throws Exception {
    try (IsolatedDatabase witness = server.createIsolated()) {
      IsolatedDatabase first = server.createIsolated();
      IsolatedDatabase second = server.createIsolated();
      assertThat(first.name()).isNotEqualTo(second.name()).startsWith("strata_t_");

      execute(first, "CREATE TABLE only_in_first (id INT PRIMARY KEY)");
      execute(first, "INSERT INTO only_in_first VALUES (1)");
      execute(second, "CREATE TABLE only_in_second (id INT PRIMARY KEY)");
      assertThat(tables(first)).containsExactly("only_in_first");
      assertThat(tables(second)).containsExactly("only_in_second");
      assertThat(databaseExists(witness, first.name())).isTrue();

      first.close();
      second.close();
      second.close();

      assertThat(databaseExists(witness, first.name())).isFalse();
      assertThat(databaseExists(witness, second.name())).isFalse();
      assertThatThrownBy(() -> DriverManager.getConnection(first.jdbcUrl()).close())
          .isInstanceOf(SQLException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("servers")
  void dropsADatabaseWhileAConnectionToItIsStillOpen(TestDatabase server) throws Exception {
    try (IsolatedDatabase witness = server.createIsolated()) {
      IsolatedDatabase db = server.createIsolated();
      execute(db, "CREATE TABLE t (id INT)");
      Connection leaked = db.connect();
      leaked.setAutoCommit(false);
      try (Statement s = leaked.createStatement()) {
        s.execute("INSERT INTO t VALUES (1)");
      }

      db.close();

      assertThat(databaseExists(witness, db.name())).isFalse();
      assertThat(leaked.isValid(2)).isFalse();
      try {
        leaked.close();
      } catch (SQLException expected) {
        // The server ended the session; Connector/J says so when it tries to roll back.
      }
    }
  }

  @ParameterizedTest
  @MethodSource("servers")
  void createsAndDropsDatabasesFromParallelThreads(TestDatabase server) throws Exception {
    server.requireAvailable();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> names = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        names.add(
            pool.submit(
                () -> {
                  try (IsolatedDatabase db = server.createIsolated()) {
                    execute(db, "CREATE TABLE t (id INT)");
                    return db.name();
                  }
                }));
      }
      Set<String> distinct = new HashSet<>();
      for (Future<String> name : names) {
        distinct.add(name.get());
      }
      assertThat(distinct).hasSize(16);
      try (IsolatedDatabase witness = server.createIsolated()) {
        for (String name : distinct) {
          assertThat(databaseExists(witness, name)).as(name).isFalse();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @MethodSource("servers")
  void exposesOneDatabaseThroughUrlDataSourceAndCredentials(TestDatabase server) throws Exception {
    try (IsolatedDatabase db = server.createIsolated()) {
      execute(db, "CREATE TABLE seen (id INT)");

      try (Connection byUrl = DriverManager.getConnection(db.jdbcUrl());
          Connection byCredentials =
              DriverManager.getConnection(
                  db.jdbcUrl().replaceFirst("\\?.*", ""), db.user(), db.password());
          Connection byDataSource = db.dataSource().getConnection()) {
        for (Connection c : List.of(byUrl, byCredentials, byDataSource)) {
          assertThat(tables(c)).containsExactly("seen");
        }
      }
      assertThat(db.jdbcUrl()).contains(db.name());
      assertThat(db.toString()).isEqualTo(db.maskedJdbcUrl());
      assertThat(server.isAvailable()).isTrue();
      assertThat(server.unavailableReason()).isEmpty();
    }
  }

  private static void execute(IsolatedDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> tables(IsolatedDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      return tables(c);
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    String sql =
        postgres
            ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()";
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static boolean databaseExists(IsolatedDatabase witness, String name) throws SQLException {
    try (Connection c = witness.connect()) {
      boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
      String sql =
          postgres
              ? "SELECT 1 FROM pg_database WHERE datname = ?"
              : "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    }
  }
}
