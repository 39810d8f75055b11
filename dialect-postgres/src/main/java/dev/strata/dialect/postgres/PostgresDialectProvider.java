package dev.strata.dialect.postgres;

import dev.strata.dialect.postgres.internal.PostgresDialect;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;

/**
 * Provides the {@code postgresql} dialect for databases whose connections report the product name
 * {@code PostgreSQL}. Registered in {@code META-INF/services/dev.strata.spi.DialectProvider}, so
 * Strata finds it on the classpath; force it with the {@code dialect} option set to {@code
 * postgresql}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class PostgresDialectProvider implements DialectProvider {
  /** The name users force this dialect with. */
  public static final String NAME = "postgresql";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public PostgresDialectProvider() {}

  /** Returns {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /** Whether {@code product} is PostgreSQL (its product name is exactly {@code PostgreSQL}). */
  @Override
  public boolean supports(DatabaseProduct product) {
    return "PostgreSQL".equals(product.name());
  }

  /**
   * The PostgreSQL dialect for the server's major version, which decides a few statements that must
   * run outside a transaction (such as {@code ALTER TYPE ... ADD VALUE} before PostgreSQL 12).
   */
  @Override
  public Dialect create(DatabaseProduct product) {
    return new PostgresDialect(product.majorVersion());
  }
}
