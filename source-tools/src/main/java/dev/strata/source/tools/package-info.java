/**
 * Other tools' migration folders as Strata sources, each read exactly as its own tool reads it: one
 * {@link dev.strata.spi.MigrationSourceProvider} per tool, found by {@link java.util.ServiceLoader}
 * for locations such as {@code goose:db/migrations}.
 */
@NullMarked
package dev.strata.source.tools;

import org.jspecify.annotations.NullMarked;
