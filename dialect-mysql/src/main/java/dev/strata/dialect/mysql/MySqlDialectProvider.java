package dev.strata.dialect.mysql;

import dev.strata.dialect.mysql.internal.MySqlDialect;
import dev.strata.dialect.mysql.internal.MySqlScriptParser;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Provides the {@code mysql} dialect for databases whose connections report the product name {@code
 * MySQL} or {@code MariaDB} (MySQL Connector/J reports {@code MySQL} for both; MariaDB is told
 * apart by its version string). Registered in {@code
 * META-INF/services/dev.strata.spi.DialectProvider}, so Strata finds it on the classpath; force it
 * with the {@code dialect} option set to {@code mysql}.
 *
 * <p>The dialect splits scripts as the {@code mysql} client does ({@code DELIMITER} included),
 * takes the migration lock with {@code GET_LOCK} and records history row by row, since MySQL
 * commits DDL implicitly. Its session settings have defaults; to change them, register a configured
 * provider explicitly, which wins over the one found on the classpath:
 *
 * <pre>{@code
 * Strata.configure()
 *     .dataSource(dataSource)
 *     .dialectProvider(new MySqlDialectProvider()
 *         .withLockWaitTimeout(Duration.ofSeconds(30))
 *         .withStatementTimeout(Duration.ofMinutes(10)))
 *     .load()
 *     .migrate();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return new providers.
 */
public final class MySqlDialectProvider implements DialectProvider {
  /** The name users force this dialect with. */
  public static final String NAME = "mysql";

  private final Duration lockWaitTimeout;
  private final @Nullable Duration statementTimeout;
  private final boolean noBackslashEscapes;
  private final boolean ansiQuotes;

  /**
   * A provider with the defaults: {@code lock_wait_timeout} of 10 seconds, no statement time limit,
   * backslash escapes in strings and {@code "} quoting strings (the server's default {@code
   * sql_mode}). {@link java.util.ServiceLoader} calls this.
   */
  public MySqlDialectProvider() {
    this(MySqlDialect.DEFAULT_LOCK_WAIT_TIMEOUT, null, false, false);
  }

  private MySqlDialectProvider(
      Duration lockWaitTimeout,
      @Nullable Duration statementTimeout,
      boolean noBackslashEscapes,
      boolean ansiQuotes) {
    this.lockWaitTimeout = lockWaitTimeout;
    this.statementTimeout = statementTimeout;
    this.noBackslashEscapes = noBackslashEscapes;
    this.ansiQuotes = ansiQuotes;
  }

  /**
   * How long a migration's statement waits for a metadata lock (another session's open transaction
   * on the table it alters) before failing: the session's {@code lock_wait_timeout}, in whole
   * seconds, 10 by default.
   *
   * @throws IllegalArgumentException when not positive
   */
  public MySqlDialectProvider withLockWaitTimeout(Duration lockWaitTimeout) {
    if (lockWaitTimeout.isNegative() || lockWaitTimeout.isZero()) {
      throw new IllegalArgumentException(
          "lockWaitTimeout must be positive, was " + lockWaitTimeout);
    }
    return new MySqlDialectProvider(
        lockWaitTimeout, statementTimeout, noBackslashEscapes, ansiQuotes);
  }

  /**
   * A time limit for each statement of a migration, or {@code null} (the default) for none: {@code
   * max_statement_time} on MariaDB; on MySQL {@code max_execution_time}, which limits read-only
   * {@code SELECT}s only.
   *
   * @throws IllegalArgumentException when not positive
   */
  public MySqlDialectProvider withStatementTimeout(@Nullable Duration statementTimeout) {
    if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
      throw new IllegalArgumentException(
          "statementTimeout must be positive (or null for none), was " + statementTimeout);
    }
    return new MySqlDialectProvider(
        lockWaitTimeout, statementTimeout, noBackslashEscapes, ansiQuotes);
  }

  /**
   * Whether the server's {@code sql_mode} has {@code NO_BACKSLASH_ESCAPES}, so that scripts are
   * split as the server reads them: a backslash in a string is then plain text.
   */
  public MySqlDialectProvider withNoBackslashEscapes(boolean noBackslashEscapes) {
    return new MySqlDialectProvider(
        lockWaitTimeout, statementTimeout, noBackslashEscapes, ansiQuotes);
  }

  /**
   * Whether the server's {@code sql_mode} has {@code ANSI_QUOTES}, so that {@code "..."} is a
   * quoted identifier, in which a backslash is plain text.
   */
  public MySqlDialectProvider withAnsiQuotes(boolean ansiQuotes) {
    return new MySqlDialectProvider(
        lockWaitTimeout, statementTimeout, noBackslashEscapes, ansiQuotes);
  }

  /** Returns {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /** Whether {@code product} is MySQL or MariaDB (its product name, ignoring case). */
  @Override
  public boolean supports(DatabaseProduct product) {
    return product.name().equalsIgnoreCase("MySQL") || product.name().equalsIgnoreCase("MariaDB");
  }

  /** The dialect for {@code product}, with this provider's settings. */
  @Override
  public Dialect create(DatabaseProduct product) {
    boolean mariaDb = MySqlDialect.isMariaDb(product);
    MySqlScriptParser parser =
        (mariaDb ? MySqlScriptParser.mariaDb() : MySqlScriptParser.mySql())
            .withNoBackslashEscapes(noBackslashEscapes)
            .withAnsiQuotes(ansiQuotes);
    return new MySqlDialect(mariaDb, parser, lockWaitTimeout, statementTimeout);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MySqlDialectProvider p
        && lockWaitTimeout.equals(p.lockWaitTimeout)
        && Objects.equals(statementTimeout, p.statementTimeout)
        && noBackslashEscapes == p.noBackslashEscapes
        && ansiQuotes == p.ansiQuotes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(lockWaitTimeout, statementTimeout, noBackslashEscapes, ansiQuotes);
  }

  @Override
  public String toString() {
    return "MySqlDialectProvider[lockWaitTimeout="
        + lockWaitTimeout
        + ", statementTimeout="
        + statementTimeout
        + ", noBackslashEscapes="
        + noBackslashEscapes
        + ", ansiQuotes="
        + ansiQuotes
        + "]";
  }
}
