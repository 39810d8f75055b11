/**
 * The PostgreSQL dialect for Strata: {@link dev.strata.dialect.postgres.PostgresDialectProvider},
 * found by {@link java.util.ServiceLoader} when a connection reports the product {@code
 * PostgreSQL}.
 */
@NullMarked
package dev.strata.dialect.postgres;

import org.jspecify.annotations.NullMarked;
