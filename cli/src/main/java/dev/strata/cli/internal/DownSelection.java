package dev.strata.cli.internal;

import dev.strata.api.DownRequest;
import dev.strata.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --steps N}, {@code --to VERSION}, {@code --last-run} or {@code --to-release LABEL}: what
 * {@code down} reverts.
 */
final class DownSelection {
  @Option(
      names = "--steps",
      paramLabel = "N",
      required = true,
      description = "Revert the newest N applied migrations.")
  @Nullable Integer steps;

  @Option(
      names = "--to",
      paramLabel = "VERSION",
      required = true,
      converter = Versions.VersionConverter.class,
      description = "Revert every applied migration newer than VERSION.")
  @Nullable MigrationVersion to;

  @Option(
      names = "--last-run",
      required = true,
      description =
          "Revert exactly the migrations the newest run applied (the newest migrate, by any"
              + " process, whose migrations are not reverted yet).")
  boolean lastRun;

  @Option(
      names = "--to-release",
      paramLabel = "LABEL",
      required = true,
      description =
          "Revert every migration applied after the newest run labelled LABEL (--release).")
  @Nullable String toRelease;

  /**
   * The request.
   *
   * @throws IllegalArgumentException naming the option, when the selection is invalid
   */
  DownRequest request() {
    if (steps != null) {
      if (steps < 1) {
        throw new IllegalArgumentException("--steps must be at least 1, was " + steps);
      }
      return DownRequest.steps(steps);
    }
    if (to != null) {
      return DownRequest.to(to);
    }
    if (toRelease != null) {
      if (toRelease.isBlank()) {
        throw new IllegalArgumentException("--to-release needs a release label");
      }
      return DownRequest.toRelease(toRelease.strip());
    }
    if (!lastRun) {
      throw new IllegalArgumentException(
          "give --steps N, --to VERSION, --last-run or --to-release LABEL");
    }
    return DownRequest.lastRun();
  }
}
