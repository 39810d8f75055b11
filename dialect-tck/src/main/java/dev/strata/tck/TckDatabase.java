package dev.strata.tck;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.TestDatabases;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A fresh, empty database (or schema) for one conformance test, which {@link #close()} drops with
 * everything in it. {@link DialectTckProvider#newDatabase()} returns one per test.
 *
 * <p>For PostgreSQL and MySQL/MariaDB, {@link #postgres()} and {@link #mysql()} provision one the
 * way Strata's own tests do: the server named by {@code STRATA_TEST_POSTGRES_URL} / {@code
 * STRATA_TEST_MYSQL_URL}, else the conventional local server, else a Testcontainers container where
 * Docker answers; else the test is skipped with the reason printed, or fails when the environment
 * has {@code CI=true}. Any other database is wrapped with {@link #of}:
 *
 * <pre>{@code
 * String url = "jdbc:h2:mem:tck" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
 * JdbcDataSource dataSource = new JdbcDataSource();
 * dataSource.setURL(url);
 * return TckDatabase.of(dataSource, "PUBLIC", () -> shutDown(dataSource));
 * }</pre>
 *
 * <p>Thread-safe when its data source is.
 */
public final class TckDatabase implements AutoCloseable {
  private final DataSource dataSource;
  private final String schema;
  private final AutoCloseable drop;
  private final String description;

  private TckDatabase(
      DataSource dataSource, String schema, AutoCloseable drop, String description) {
    this.dataSource = Objects.requireNonNull(dataSource);
    this.schema = Objects.requireNonNull(schema);
    this.drop = Objects.requireNonNull(drop);
    this.description = description;
  }

  /**
   * A database of the author's making.
   *
   * @param dataSource opens a new connection to the database per call, each starting in {@code
   *     schema}; the suite uses several at once
   * @param schema the schema a fresh connection's unqualified names resolve to, exactly as the
   *     database spells it ({@code PUBLIC} on H2, {@code public} on PostgreSQL, the database's name
   *     on MySQL)
   * @param drop drops the database and everything in it; called once, by {@link #close()}
   */
  public static TckDatabase of(DataSource dataSource, String schema, AutoCloseable drop) {
    return new TckDatabase(dataSource, schema, drop, dataSource.toString());
  }

  /**
   * A new PostgreSQL database of its own ({@code strata_t_...}), working in schema {@code public},
   * dropped by {@link #close()} even while connections to it are open. Skips the calling test when
   * no server is available (fails it under {@code CI=true}).
   */
  public static TckDatabase postgres() {
    IsolatedDatabase db = TestDatabases.postgres().createIsolated();
    return new TckDatabase(db.dataSource(), "public", db, db.maskedJdbcUrl());
  }

  /**
   * A new MySQL/MariaDB database of its own ({@code strata_t_...}), which is also its schema,
   * dropped by {@link #close()}. Skips the calling test when no server is available (fails it under
   * {@code CI=true}). Schemas the suite creates beside it are databases on the server too: drop
   * them with {@link DialectTckProvider#dropSchema}'s {@code DROP DATABASE}.
   */
  public static TckDatabase mysql() {
    IsolatedDatabase db = TestDatabases.mysql().createIsolated();
    return new TckDatabase(db.dataSource(), db.name(), db, db.maskedJdbcUrl());
  }

  /** Opens connections to the database; each starts in {@link #schema()}. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The schema a fresh connection works in, exactly as the database spells it. */
  public String schema() {
    return schema;
  }

  /**
   * Drops the database.
   *
   * @throws SQLException when it cannot be dropped (other checked failures of the drop are wrapped)
   */
  @Override
  public void close() throws SQLException {
    try {
      drop.close();
    } catch (SQLException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new SQLException("Cannot drop the test database " + this + ": " + e.getMessage(), e);
    }
  }

  /** Where the database is, password masked where the provisioning knows it. */
  @Override
  public String toString() {
    return description + " (schema " + schema + ")";
  }
}
