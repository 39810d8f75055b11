/**
 * The service-provider interfaces: {@link dev.strata.spi.Dialect} (one per database family) and
 * {@link dev.strata.spi.MigrationSource} (one per location prefix), found with {@link
 * java.util.ServiceLoader} through their providers, plus small helpers for implementors.
 *
 * <p>Implementations depend on {@code strata-engine-api} only.
 */
@NullMarked
package dev.strata.spi;

import org.jspecify.annotations.NullMarked;
