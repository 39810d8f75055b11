/**
 * A database schema as a dialect's {@link dev.strata.spi.SchemaInspector} reads it: a normalized,
 * deterministic model that {@code dump-schema} writes and {@code diff} compares.
 *
 * <p>Every type here is immutable and thread-safe.
 */
@NullMarked
package dev.strata.api.schema;

import org.jspecify.annotations.NullMarked;
