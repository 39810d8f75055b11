package dev.strata.testsupport;

import dev.strata.testsupport.internal.DatabaseAdmin;
import dev.strata.testsupport.internal.JdbcUrl;
import dev.strata.testsupport.internal.ServerKind;
import dev.strata.testsupport.internal.UrlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A database of one test's own, created by {@link TestDatabase#createIsolated()} and dropped by
 * {@link #close()}, even while connections to it are still open.
 *
 * <pre>{@code
 * try (IsolatedDatabase db = TestDatabases.mysql().createIsolated();
 *     Connection c = db.connect()) {
 *   c.createStatement().execute("CREATE TABLE t (id INT)");
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class IsolatedDatabase implements AutoCloseable {
  private final ServerKind kind;
  private final JdbcUrl server;
  private final JdbcUrl url;
  private final String name;
  private final DataSource dataSource;
  private final AtomicBoolean closed = new AtomicBoolean();

  IsolatedDatabase(ServerKind kind, JdbcUrl server, String name) {
    this.kind = kind;
    this.server = server;
    this.url = server.withDatabase(name);
    this.name = name;
    this.dataSource = new UrlDataSource(url);
  }

  /** The database's name, {@code strata_t_} and 12 random lower-case letters and digits. */
  public String name() {
    return name;
  }

  /**
   * The JDBC URL of this database with credentials included, as a driver or the CLI takes it. Put
   * {@link #maskedJdbcUrl()} in messages instead.
   */
  public String jdbcUrl() {
    return url.raw();
  }

  /** {@link #jdbcUrl()} with the password replaced by {@code ****}. */
  public String maskedJdbcUrl() {
    return url.toString();
  }

  /** The user the URL connects as; empty when the URL names none. */
  public String user() {
    return url.user();
  }

  /** The user's password; empty when there is none. */
  public String password() {
    return url.password();
  }

  /** A data source opening a new, unpooled connection to this database per call. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** A new connection to this database; the caller closes it. */
  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  /**
   * Drops the database, ending any sessions still using it. Later calls do nothing.
   *
   * @throws IllegalStateException naming the database when the server refuses to drop it
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      DatabaseAdmin.drop(kind, server, name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot drop test database "
              + name
              + " on "
              + kind.product()
              + " at "
              + server
              + ": "
              + e.getMessage()
              + "; drop it by hand",
          e);
    }
  }

  /** The masked URL. */
  @Override
  public String toString() {
    return maskedJdbcUrl();
  }
}
