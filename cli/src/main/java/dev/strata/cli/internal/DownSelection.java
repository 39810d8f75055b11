package dev.strata.cli.internal;

import dev.strata.api.DownRequest;
import dev.strata.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --steps N} or {@code --to VERSION}: what {@code down} reverts. */
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
    if (to == null) {
      throw new IllegalArgumentException("give --steps N or --to VERSION");
    }
    return DownRequest.to(to);
  }
}
