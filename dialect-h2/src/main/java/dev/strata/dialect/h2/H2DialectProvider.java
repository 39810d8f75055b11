package dev.strata.dialect.h2;

import dev.strata.dialect.h2.internal.H2Dialect;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;

/**
 * Provides the {@code h2} dialect for databases whose connections report the product name {@code
 * H2}. Registered in {@code META-INF/services/dev.strata.spi.DialectProvider}, so Strata finds it
 * on the classpath; force it with the {@code dialect} option set to {@code h2}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class H2DialectProvider implements DialectProvider {
  /** The name users force this dialect with. */
  public static final String NAME = "h2";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public H2DialectProvider() {}

  /** Returns {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /** Whether {@code product} is H2 (its product name is exactly {@code H2}). */
  @Override
  public boolean supports(DatabaseProduct product) {
    return "H2".equals(product.name());
  }

  /** The H2 dialect; the same immutable instance serves every H2 version. */
  @Override
  public Dialect create(DatabaseProduct product) {
    return H2Dialect.INSTANCE;
  }
}
