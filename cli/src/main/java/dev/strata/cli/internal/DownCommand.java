package dev.strata.cli.internal;

import dev.strata.api.DownRequest;
import dev.strata.api.DownResult;
import dev.strata.cli.ExitCode;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata down}: reverts the newest applied migrations with their down scripts. */
@Command(
    name = "down",
    sortOptions = false,
    customSynopsis =
        "strata down (--steps=N | --to=VERSION | --last-run | --to-release=LABEL) [OPTIONS]",
    description = {
      "Revert the newest applied migrations with their down scripts, newest first: a number of"
          + " them, those newer than a version, those the last run applied, or those applied"
          + " after a release. Repeatable migrations are never reverted (they have no down"
          + " scripts); a warning names those the reverted runs applied.",
      "Changes nothing when a needed down script is missing. Preview it with"
          + " 'strata plan --down --last-run' (or --steps N, ...)."
    })
final class DownCommand extends EngineCommand {
  @ArgGroup(exclusive = true, multiplicity = "1")
  DownSelection selection = new DownSelection();

  @Option(
      names = "--heartbeat",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "While a statement runs longer than DURATION, print a line every DURATION with its"
              + " elapsed time (STRATA_HEARTBEAT); 0 or off disables it. Default: 5s")
  Duration heartbeat = Duration.ofSeconds(5);

  private DownRequest request = DownRequest.steps(1);

  DownCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  void checkOptions() {
    try {
      request = selection.request();
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
  }

  @Override
  int run() {
    try (HeartbeatTimer timer = new HeartbeatTimer(heartbeat)) {
      DownResult result = strata(Map.of(), console, timer.listenerFor(console)).down(request);
      console.result(
          "summary", result.summary(), Summary.of("down", result.reverted(), result.durationMs()));
      return ExitCode.SUCCESS;
    }
  }
}
