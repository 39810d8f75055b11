package dev.strata.testsupport;

import dev.strata.testsupport.internal.ServerKind;
import dev.strata.testsupport.internal.ServerResolver;

/**
 * The database servers tests share, each found once per JVM, in this order: the environment
 * variable ({@code STRATA_TEST_POSTGRES_URL}, {@code STRATA_TEST_MYSQL_URL}: a JDBC URL with
 * credentials); the conventional local server ({@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, {@code
 * jdbc:mysql://127.0.0.1:3306/test?user=root}); a Testcontainers container ({@code postgres:15},
 * {@code mariadb:10.11}) where Docker answers. Otherwise the handle is unavailable and says why.
 * {@link #mysql8()} is the optional third: MySQL 8 itself, from {@code STRATA_TEST_MYSQL8_URL} or a
 * {@code mysql:8.4} container.
 *
 * <pre>{@code
 * TestDatabase pg = TestDatabases.postgres().requireAvailable();
 * }</pre>
 *
 * <p>Thread-safe: the first call resolves (and may start a container), later calls return the same
 * handle.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** The PostgreSQL server for tests. */
  public static TestDatabase postgres() {
    return Postgres.INSTANCE;
  }

  /** The MySQL server for tests: MySQL Connector/J, against MariaDB unless configured otherwise. */
  public static TestDatabase mysql() {
    return MySql.INSTANCE;
  }

  /**
   * MySQL 8 itself, for the MySQL dialect's tests beside the MariaDB {@link #mysql()} usually
   * finds: {@code STRATA_TEST_MYSQL8_URL} (a JDBC URL with credentials, checked to reach MySQL 8 or
   * newer, not MariaDB), else a Testcontainers {@code mysql:8.4} container where Docker answers; no
   * local server is probed. Optional: its absence skips tests even under {@code CI=true}.
   */
  public static TestDatabase mysql8() {
    return MySql8.INSTANCE;
  }

  private static TestDatabase resolve(ServerKind kind) {
    return new TestDatabase(kind, ServerResolver.live().resolve(kind));
  }

  // Holder classes: the JVM initialises each once, lazily and thread-safely.
  private static final class Postgres {
    static final TestDatabase INSTANCE = resolve(ServerKind.POSTGRES);
  }

  private static final class MySql {
    static final TestDatabase INSTANCE = resolve(ServerKind.MYSQL);
  }

  private static final class MySql8 {
    static final TestDatabase INSTANCE = resolve(ServerKind.MYSQL8);
  }
}
