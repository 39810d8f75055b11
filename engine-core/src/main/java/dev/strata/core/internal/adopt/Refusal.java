package dev.strata.core.internal.adopt;

import dev.strata.api.MigrationVersion;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.plan.SourceMigration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The disagreements found while reading one tool's history: all are collected, then reported
 * together, before anything is recorded.
 */
final class Refusal {
  private final String tool;
  private final String displayName;
  private final List<ValidationProblem> problems = new ArrayList<>();

  Refusal(String tool, String displayName) {
    this.tool = tool;
    this.displayName = displayName;
  }

  /** A row of a version no source has. */
  void noSource(@Nullable MigrationVersion version, String row, String sourceHint) {
    noSource(version, row, "that version", sourceHint);
  }

  /** A row of a migration name no source has. */
  void noSourceNamed(@Nullable MigrationVersion version, String row, String sourceHint) {
    noSource(version, row, "that name", sourceHint);
  }

  private void noSource(
      @Nullable MigrationVersion version, String row, String what, String sourceHint) {
    add(
        ValidationProblem.Kind.MISSING,
        version,
        displayName
            + " applied "
            + row
            + " but no source has "
            + what
            + "; point strata.sources at the folder "
            + displayName
            + " migrated from ("
            + sourceHint
            + "), unchanged");
  }

  /** A row whose recorded checksum differs from its source's. */
  void edited(SourceMigration source, String row, String recorded, String computed) {
    add(
        ValidationProblem.Kind.EDITED,
        source.id().version(),
        displayName
            + " applied "
            + row
            + " with checksum "
            + recorded
            + ", but "
            + source.up().origin()
            + " has "
            + computed
            + ": the file was edited after "
            + displayName
            + " applied it; restore the applied text, then adopt");
  }

  void add(ValidationProblem.Kind kind, @Nullable MigrationVersion version, String message) {
    problems.add(new ValidationProblem(kind, version, "", message));
  }

  /**
   * @throws ValidationException naming every problem, when there is one
   */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ValidationException(
          "Baselining from "
              + tool
              + " changed nothing: "
              + displayName
              + "'s history and the sources disagree:",
          problems);
    }
  }

  /** The version {@code text} stands for, or {@code null} when it is none. */
  static @Nullable MigrationVersion versionOrNull(String text) {
    return MigrationVersion.isVersion(text) ? MigrationVersion.parse(text) : null;
  }
}
