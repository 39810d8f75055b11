package dev.strata.api;

import org.jspecify.annotations.Nullable;

/**
 * What {@code down} should revert: the newest {@code steps} applied migrations, or every applied
 * migration newer than {@code to}.
 */
public record DownRequest(@Nullable Integer steps, @Nullable MigrationVersion to) {
  public DownRequest {
    if ((steps == null) == (to == null)) {
      throw new IllegalArgumentException("give either steps or a target version, not both");
    }
    if (steps != null && steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, was " + steps);
    }
  }

  /** Revert the newest {@code steps} applied migrations. */
  public static DownRequest steps(int steps) {
    return new DownRequest(steps, null);
  }

  /** Revert every applied migration newer than {@code version}. */
  public static DownRequest to(MigrationVersion version) {
    return new DownRequest(null, version);
  }
}
