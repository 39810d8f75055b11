/**
 * PostgreSQL's schema inspection: the model read from {@code pg_catalog}, definitions as the
 * server's own {@code pg_get_*def} functions print them.
 */
@NullMarked
package dev.strata.dialect.postgres.internal.schema;

import org.jspecify.annotations.NullMarked;
