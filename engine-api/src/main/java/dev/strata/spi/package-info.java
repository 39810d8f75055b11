/**
 * The service-provider interfaces: {@link dev.strata.spi.Dialect} (one per database family) and
 * {@link dev.strata.spi.MigrationSource} (one per location prefix), found with {@link
 * java.util.ServiceLoader} through their providers, and the types their methods take and return:
 * contracts only. Helpers for implementors are in {@link dev.strata.spi.support}.
 *
 * <p>Implementations depend on {@code strata-engine-api} only.
 */
@NullMarked
package dev.strata.spi;

import org.jspecify.annotations.NullMarked;
