package dev.strata.benchmarks;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.TestDatabase;
import dev.strata.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * A fresh, empty database for one benchmark trial or iteration, dropped by {@link #close()}: an
 * in-memory H2 database, or a database of its own on the PostgreSQL or MariaDB server that
 * test-support finds ({@code STRATA_TEST_POSTGRES_URL} / {@code STRATA_TEST_MYSQL_URL}, else the
 * local server, else Testcontainers).
 *
 * <p>The data source opens a new, unpooled connection per call, for every engine alike: a replica
 * booting connects afresh.
 */
public final class BenchDatabase implements AutoCloseable {
  /** The database families the benchmarks run on. */
  public enum Kind {
    H2,
    POSTGRESQL,
    /** MySQL Connector/J against test-support's MySQL server, which is MariaDB here. */
    MARIADB;

    /** The kind for a benchmark parameter: {@code h2}, {@code postgresql} or {@code mariadb}. */
    public static Kind named(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  private final Kind kind;
  private final DataSource dataSource;
  private final @Nullable IsolatedDatabase isolated;

  private BenchDatabase(Kind kind, DataSource dataSource, @Nullable IsolatedDatabase isolated) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.isolated = isolated;
  }

  /**
   * Creates an empty database of {@code kind}.
   *
   * @throws IllegalStateException saying why, when the server is unavailable
   */
  public static BenchDatabase create(Kind kind) {
    return switch (kind) {
      case H2 -> {
        JdbcDataSource h2 = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1 keeps the database between connections until close() shuts it down.
        h2.setURL(
            "jdbc:h2:mem:bench_"
                + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        yield new BenchDatabase(kind, h2, null);
      }
      case POSTGRESQL -> onServer(kind, TestDatabases.postgres());
      case MARIADB -> onServer(kind, TestDatabases.mysql());
    };
  }

  private static BenchDatabase onServer(Kind kind, TestDatabase server) {
    if (!server.isAvailable()) {
      throw new IllegalStateException(
          "No "
              + server.product()
              + " server for the "
              + kind.name().toLowerCase(Locale.ROOT)
              + " benchmarks: "
              + server.unavailableReason().orElse("unknown reason")
              + ". Set STRATA_TEST_POSTGRES_URL / STRATA_TEST_MYSQL_URL, or leave that database out"
              + " with -p database=h2");
    }
    IsolatedDatabase db = server.createIsolated();
    return new BenchDatabase(kind, db.dataSource(), db);
  }

  public Kind kind() {
    return kind;
  }

  /** New, unpooled connections to this database. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** A new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /** Quotes an identifier the way this database does by default. */
  public String quote(String identifier) {
    return kind == Kind.MARIADB ? '`' + identifier + '`' : '"' + identifier + '"';
  }

  /** Drops the database. */
  @Override
  public void close() throws SQLException {
    if (isolated != null) {
      isolated.close();
      return;
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  @Override
  public String toString() {
    return isolated != null ? kind + " " + isolated : kind + " in memory";
  }
}
