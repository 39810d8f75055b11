package dev.strata.dialect.mysql;

import dev.strata.dialect.mysql.internal.MySqlDialect;
import dev.strata.dialect.mysql.internal.MySqlScriptParser;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;
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
 * commits DDL implicitly. How long a statement may wait for a lock or run are the engine's options
 * ({@code ddlLockTimeout}, {@code statementTimeout}). For a server whose {@code sql_mode} changes
 * how scripts split, register a configured provider explicitly, which wins over the one found on
 * the classpath:
 *
 * <pre>{@code
 * Strata.configure()
 *     .dataSource(dataSource)
 *     .dialectProvider(new MySqlDialectProvider().withAnsiQuotes(true))
 *     .load()
 *     .migrate();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return new providers.
 */
public final class MySqlDialectProvider implements DialectProvider {
  /** The name users force this dialect with. */
  public static final String NAME = "mysql";

  private final boolean noBackslashEscapes;
  private final boolean ansiQuotes;

  /**
   * A provider with the defaults: backslash escapes in strings and {@code "} quoting strings (the
   * server's default {@code sql_mode}). {@link java.util.ServiceLoader} calls this.
   */
  public MySqlDialectProvider() {
    this(false, false);
  }

  private MySqlDialectProvider(boolean noBackslashEscapes, boolean ansiQuotes) {
    this.noBackslashEscapes = noBackslashEscapes;
    this.ansiQuotes = ansiQuotes;
  }

  /**
   * Whether the server's {@code sql_mode} has {@code NO_BACKSLASH_ESCAPES}, so that scripts are
   * split as the server reads them: a backslash in a string is then plain text.
   */
  public MySqlDialectProvider withNoBackslashEscapes(boolean noBackslashEscapes) {
    return new MySqlDialectProvider(noBackslashEscapes, ansiQuotes);
  }

  /**
   * Whether the server's {@code sql_mode} has {@code ANSI_QUOTES}, so that {@code "..."} is a
   * quoted identifier, in which a backslash is plain text.
   */
  public MySqlDialectProvider withAnsiQuotes(boolean ansiQuotes) {
    return new MySqlDialectProvider(noBackslashEscapes, ansiQuotes);
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
    return new MySqlDialect(mariaDb, parser);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MySqlDialectProvider p
        && noBackslashEscapes == p.noBackslashEscapes
        && ansiQuotes == p.ansiQuotes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(noBackslashEscapes, ansiQuotes);
  }

  @Override
  public String toString() {
    return "MySqlDialectProvider[noBackslashEscapes="
        + noBackslashEscapes
        + ", ansiQuotes="
        + ansiQuotes
        + "]";
  }
}
