package dev.strata.core.internal.plan;

import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * What makes two records the same migration: the version of a versioned migration (its description
 * may change), the description of a repeatable one.
 */
record MigrationKey(@Nullable MigrationVersion version, @Nullable String repeatable) {
  static MigrationKey of(MigrationId id) {
    return id.version() != null
        ? new MigrationKey(id.version(), null)
        : new MigrationKey(null, id.description());
  }
}
