package dev.strata.source.tools.internal.sqlx;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * sqlx's file-name rule, as {@code sqlx-core/src/migrate/source.rs} ({@code resolve_blocking})
 * applies it: the name is split at its first {@code _}; the rest must end in {@code .sql}
 * (otherwise sqlx skips the file); the part before must parse as an {@code i64} (otherwise sqlx
 * stops with an error). A rest ending in {@code .up.sql} or {@code .down.sql} is one half of a
 * reversible migration, any other a simple migration; the description is the rest with that suffix
 * trimmed (repeatedly, as Rust's {@code trim_end_matches}) and {@code _} replaced by a space.
 */
final class SqlxFileName {
  private static final String SIMPLE = ".sql";
  private static final String UP = ".up.sql";
  private static final String DOWN = ".down.sql";

  private SqlxFileName() {}

  /** What a name says: a migration, or why sqlx would not run it. */
  sealed interface Result permits Parsed, Refused {}

  /** A name sqlx runs. {@code reversible} for {@code .up.sql} and {@code .down.sql}. */
  record Parsed(MigrationId id, Direction direction, boolean reversible) implements Result {}

  /** A {@code .sql} name sqlx would skip or stop on; {@code why} follows the file's name. */
  record Refused(String why) implements Result {}

  /**
   * Parses a file name; {@code null} when it does not end in {@code .sql} in any case (sqlx skips
   * it and so does Strata, quietly).
   */
  static @Nullable Result parse(String name) {
    if (!name.regionMatches(true, name.length() - SIMPLE.length(), SIMPLE, 0, SIMPLE.length())) {
      return null;
    }
    int underscore = name.indexOf('_');
    if (underscore < 0) {
      return new Refused(
          "has no '_' between a version and a description, so sqlx skips it (it runs"
              + " <version>_<description>.sql)");
    }
    String rest = name.substring(underscore + 1);
    if (!rest.endsWith(SIMPLE)) {
      return new Refused("ends in " + name.substring(name.length() - 4) + ": sqlx runs only .sql");
    }
    String versionText = name.substring(0, underscore);
    Long version = parseI64(versionText);
    if (version == null) {
      return new Refused(
          "does not start with a whole number that fits a 64-bit integer before its first '_',"
              + " so sqlx stops on it (\"error parsing migration filename\")");
    }
    if (version < 0) {
      return new Refused(
          "has a negative version; sqlx runs it, but Strata's versions are never negative");
    }
    String suffix = rest.endsWith(UP) ? UP : rest.endsWith(DOWN) ? DOWN : SIMPLE;
    String description = rest;
    while (description.endsWith(suffix)) {
      description = description.substring(0, description.length() - suffix.length());
    }
    return new Parsed(
        new MigrationId(
            MigrationVersion.parse(Long.toString(version)), description.replace('_', ' ')),
        suffix.equals(DOWN) ? Direction.DOWN : Direction.UP,
        !suffix.equals(SIMPLE));
  }

  /** Rust's {@code str::parse::<i64>}: an optional sign, then ASCII digits only. */
  private static @Nullable Long parseI64(String text) {
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    if (start == text.length()) {
      return null;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException overflow) {
      return null;
    }
  }
}
