package com.example.strata.sqlite;

import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;

/**
 * Provides the {@code sqlite} dialect for databases whose connections report the product name
 * {@code SQLite}, version 3. Registered in {@code
 * META-INF/services/dev.strata.spi.DialectProvider}, so Strata finds it on the classpath; force it
 * with the {@code dialect} option set to {@code sqlite}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class SqliteDialectProvider implements DialectProvider {
  /** The name users force this dialect with. */
  public static final String NAME = "sqlite";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SqliteDialectProvider() {}

  /** Returns {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Whether {@code product} is SQLite 3. The xerial driver reports {@code SQLite}; the name is
   * compared ignoring case, since it is whatever a driver chooses to report, not a standard.
   */
  @Override
  public boolean supports(DatabaseProduct product) {
    return "SQLite".equalsIgnoreCase(product.name()) && product.majorVersion() >= 3;
  }

  /** The SQLite dialect; the same immutable instance serves every SQLite 3 version. */
  @Override
  public Dialect create(DatabaseProduct product) {
    return SqliteDialect.INSTANCE;
  }
}
