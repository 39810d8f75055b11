package dev.strata.core.internal.plan;

import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import java.util.Objects;
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

  // Written out: a record's generated equals and hashCode bootstrap method handles on first use,
  // which costs a replica's first start in a fresh JVM about 25 ms, and this is the planner's key.
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MigrationKey k
        && Objects.equals(version, k.version)
        && Objects.equals(repeatable, k.repeatable);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(version) * 31 + Objects.hashCode(repeatable);
  }
}
