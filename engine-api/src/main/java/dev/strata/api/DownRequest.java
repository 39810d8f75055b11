package dev.strata.api;

import org.jspecify.annotations.Nullable;

/**
 * What {@code down} should revert, exactly one of: the newest {@code steps} applied migrations;
 * every applied migration newer than {@code to}; the migrations the newest run applied ({@code
 * revertsLastRun}); every migration applied after the newest run labelled {@code toRelease}.
 *
 * @param steps how many to revert, or {@code null}
 * @param to revert every applied migration newer than this version, or {@code null}
 * @param revertsLastRun whether to revert what the newest run that applied a migration still
 *     applied did
 * @param toRelease revert every migration applied after the newest run with this release label, or
 *     {@code null}
 */
public record DownRequest(
    @Nullable Integer steps,
    @Nullable MigrationVersion to,
    boolean revertsLastRun,
    @Nullable String toRelease) {
  public DownRequest {
    int given =
        (steps == null ? 0 : 1)
            + (to == null ? 0 : 1)
            + (revertsLastRun ? 1 : 0)
            + (toRelease == null ? 0 : 1);
    if (given != 1) {
      throw new IllegalArgumentException(
          "give exactly one of steps, a target version, the last run or a release");
    }
    if (steps != null && steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, was " + steps);
    }
    if (toRelease != null && toRelease.isBlank()) {
      throw new IllegalArgumentException("the release label must not be blank");
    }
  }

  /** The newest {@code steps} applied migrations, or every one newer than {@code to}. */
  public DownRequest(@Nullable Integer steps, @Nullable MigrationVersion to) {
    this(steps, to, false, null);
  }

  /** Revert the newest {@code steps} applied migrations. */
  public static DownRequest steps(int steps) {
    return new DownRequest(steps, null);
  }

  /** Revert every applied migration newer than {@code version}. */
  public static DownRequest to(MigrationVersion version) {
    return new DownRequest(null, version);
  }

  /**
   * Revert exactly the migrations the newest run applied: the newest run (command that changed the
   * database) that applied a migration and whose migrations are not all reverted yet.
   */
  public static DownRequest lastRun() {
    return new DownRequest(null, null, true, null);
  }

  /**
   * Revert every migration applied after the newest run labelled {@code release} ({@code
   * strata.release}).
   */
  public static DownRequest toRelease(String release) {
    return new DownRequest(null, null, false, release);
  }
}
