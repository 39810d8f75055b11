package dev.strata.api;

import org.jspecify.annotations.Nullable;

/**
 * What identifies a migration: its version, or for a repeatable migration its description.
 *
 * @param version the version, {@code null} for a repeatable migration
 * @param description the description from the file name, e.g. {@code add email}
 */
public record MigrationId(@Nullable MigrationVersion version, String description) {

  /** The kind this id implies. */
  public MigrationKind kind() {
    return version == null ? MigrationKind.REPEATABLE : MigrationKind.VERSIONED;
  }

  /** {@code V3 add email}, or {@code R views} for a repeatable migration. */
  @Override
  public String toString() {
    return (version == null ? "R" : "V" + version)
        + (description.isEmpty() ? "" : " " + description);
  }
}
