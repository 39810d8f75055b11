package dev.strata.benchmarks;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.TestDatabase;
import dev.strata.testsupport.TestDatabases;
import dev.strata.testsupport.internal.JdbcUrl;
import dev.strata.testsupport.internal.UrlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;

/**
 * A fresh, empty database for one benchmark trial or iteration, dropped by {@link #close()}: an
 * in-memory H2 database, or a database of its own on the PostgreSQL or MariaDB server that
 * test-support finds ({@code STRATA_TEST_POSTGRES_URL} / {@code STRATA_TEST_MYSQL_URL}, else the
 * local server, else Testcontainers).
 *
 * <p>Other processes reach it through its {@link #target()}: a server database always; an H2 one
 * only when {@link #createShared} served it over H2's TCP server, since an in-memory database lives
 * in this JVM. Such a process {@link #attach}es to the database and leaves it in place.
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

  /** What {@link #close()} does: drop the database, or nothing for an attached one. */
  private interface Drop {
    void run() throws SQLException;
  }

  private final Kind kind;
  private final DataSource dataSource;
  private final @Nullable JdbcTarget target;
  private final Drop drop;
  private final String description;

  private BenchDatabase(
      Kind kind,
      DataSource dataSource,
      @Nullable JdbcTarget target,
      Drop drop,
      String description) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.target = target;
    this.drop = drop;
    this.description = description;
  }

  /**
   * Creates an empty database of {@code kind}; an H2 one only this JVM reaches.
   *
   * @throws IllegalStateException saying why, when the server is unavailable
   */
  public static BenchDatabase create(Kind kind) {
    return create(kind, false);
  }

  /**
   * Creates an empty database of {@code kind} that other processes reach through {@link #target()}.
   * An H2 database stays in this JVM's memory and is served by an H2 TCP server on a free port of
   * 127.0.0.1 (local connections only), stopped by {@link #close()}; the other processes then pay
   * H2's network protocol where this JVM's own connections do not.
   *
   * @throws IllegalStateException saying why, when the server is unavailable
   */
  public static BenchDatabase createShared(Kind kind) {
    return create(kind, true);
  }

  /**
   * The database {@code target} names, created by another process, which also drops it: {@link
   * #close()} does nothing here.
   */
  public static BenchDatabase attach(JdbcTarget target) {
    return new BenchDatabase(target.kind(), unpooled(target), target, () -> {}, target.toString());
  }

  /** New, unpooled connections to {@code target}, as this process's own data sources open. */
  private static DataSource unpooled(JdbcTarget target) {
    if (target.kind() != Kind.H2) {
      // test-support's URLs carry their credentials.
      return new UrlDataSource(JdbcUrl.parse(target.url()));
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(target.url());
    h2.setUser(target.user());
    h2.setPassword(target.password());
    return h2;
  }

  private static BenchDatabase create(Kind kind, boolean shared) {
    return switch (kind) {
      case H2 -> inMemory(shared);
      case POSTGRESQL -> onServer(kind, TestDatabases.postgres());
      case MARIADB -> onServer(kind, TestDatabases.mysql());
    };
  }

  private static BenchDatabase inMemory(boolean served) {
    String name = "bench_" + UUID.randomUUID().toString().replace("-", "");
    JdbcDataSource h2 = new JdbcDataSource();
    // DB_CLOSE_DELAY=-1 keeps the database between connections until close() shuts it down.
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    Drop shutdown =
        () -> {
          try (Connection c = h2.getConnection();
              Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
          }
        };
    if (!served) {
      return new BenchDatabase(Kind.H2, h2, null, shutdown, "H2 in memory");
    }
    Server server;
    try {
      // The TCP server refuses to create databases, so this one must exist before it is served.
      h2.getConnection().close();
      server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon").start();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot serve in-memory H2 database " + name + " over TCP", e);
    }
    JdbcTarget target =
        new JdbcTarget(
            Kind.H2, "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + name, "sa", "");
    return new BenchDatabase(
        Kind.H2,
        h2,
        target,
        () -> {
          server.stop(); // ends the other processes' sessions first
          shutdown.run();
        },
        "H2 in memory, served at " + target.url());
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
    return new BenchDatabase(
        kind,
        db.dataSource(),
        new JdbcTarget(kind, db.jdbcUrl(), db.user(), db.password()),
        db::close,
        kind + " " + db);
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

  /**
   * How another process connects to this database.
   *
   * @throws IllegalStateException for an H2 database made by {@link #create}, which only this JVM
   *     reaches
   */
  public JdbcTarget target() {
    if (target == null) {
      throw new IllegalStateException(
          "The in-memory H2 database made by BenchDatabase.create cannot be reached from another"
              + " process; create it with BenchDatabase.createShared");
    }
    return target;
  }

  /** Quotes an identifier the way this database does by default. */
  public String quote(String identifier) {
    return kind == Kind.MARIADB ? '`' + identifier + '`' : '"' + identifier + '"';
  }

  /** Drops the database, unless it was {@link #attach}ed. */
  @Override
  public void close() throws SQLException {
    drop.run();
  }

  @Override
  public String toString() {
    return description;
  }
}
