package dev.strata.cli.internal;

import dev.strata.api.ExecutedMigration;
import dev.strata.api.MigrationId;
import java.util.List;

/** The fields of a summary line: which migrations ran and how long the command took. */
final class Summary {
  private Summary() {}

  static Fields of(String command, List<ExecutedMigration> done, long durationMs) {
    return Fields.of("command", command)
        .with("count", done.size())
        .with("migrations", done.stream().map(m -> name(m.id())).toList())
        .with("statements", done.stream().mapToInt(ExecutedMigration::statements).sum())
        .with("duration_ms", durationMs);
  }

  /**
   * {@code V3}, or {@code R views} for a repeatable migration, as the engine's summaries name them.
   */
  static String name(MigrationId id) {
    return id.version() == null ? "R " + id.description() : "V" + id.version();
  }
}
