package dev.strata.cli.internal;

import dev.strata.api.DatabaseAccessException;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.StatusReport;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata await}: polls the status until every migration is applied, for an init container or
 * sidecar that must wait for another pod's migration (a Helm hook Job, a leader) instead of
 * migrating itself. Changes nothing and takes no lock.
 */
@Command(
    name = "await",
    sortOptions = false,
    description = {
      "Wait until every migration is applied (by another migrator: a Helm hook Job, another"
          + " replica), polling the status. Exits with 0 once up to date, with 4 when --timeout"
          + " passes first. Changes nothing and takes no lock.",
      "Migrations above --target (STRATA_TARGET) are not waited for; an unreachable database"
          + " counts as not ready yet."
    })
final class AwaitCommand extends EngineCommand {
  private static final Set<MigrationState> DONE =
      Set.of(MigrationState.APPLIED, MigrationState.BASELINED, MigrationState.ABOVE_TARGET);

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Give up after DURATION, e.g. 10m (STRATA_AWAIT_TIMEOUT). Default: 10m")
  Duration timeout = Duration.ofMinutes(10);

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Poll every DURATION (STRATA_AWAIT_INTERVAL). Default: 2s")
  Duration interval = Duration.ofSeconds(2);

  AwaitCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  void checkOptions() {
    if (interval.isZero()) {
      throw usageError("--interval must be longer than 0");
    }
  }

  @Override
  int run() {
    Strata strata = strata();
    Clock clock = console.clock();
    StopRequest stop = loader.stopRequest();
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    @Nullable String last = null;
    @Nullable DatabaseAccessException unreachable = null;
    List<String> open = List.of();
    while (true) {
      stop.check("checking the status again");
      String now;
      try {
        StatusReport report = strata.status();
        unreachable = null;
        open =
            report.migrations().stream()
                .filter(m -> !DONE.contains(m.state()))
                .map(AwaitCommand::name)
                .toList();
        if (open.isEmpty()) {
          Duration waited = Duration.between(start, clock.instant());
          int n = report.migrations().size();
          console.result(
              "ready",
              "up to date: "
                  + n
                  + (n == 1 ? " migration is" : " migrations are")
                  + " applied"
                  + (last == null ? "" : " (waited " + DurationConverter.text(waited) + ")"),
              Fields.of("count", n).with("waited_ms", waited.toMillis()));
          return ExitCode.SUCCESS;
        }
        now =
            "Waiting for "
                + open.size()
                + (open.size() == 1 ? " migration" : " migrations")
                + " to be applied by another migrator: "
                + String.join(", ", open);
      } catch (DatabaseAccessException e) {
        unreachable = e;
        now = "Waiting for the database: " + e.getMessage();
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      if (!now.equals(last)) {
        console.info(
            "await_waiting",
            now + " (giving up in " + DurationConverter.text(left) + ")",
            Fields.of("pending", open).with("remaining_ms", left.toMillis()));
        last = now;
      }
      stop.pause(interval.compareTo(left) < 0 ? interval : left);
    }
    if (unreachable != null) {
      throw unreachable;
    }
    console.error(
        "not_up_to_date",
        "not up to date after "
            + DurationConverter.text(timeout)
            + " (--timeout): "
            + open.size()
            + (open.size() == 1 ? " migration is" : " migrations are")
            + " not applied: "
            + String.join(", ", open),
        Fields.of("code", "VALIDATION")
            .with("exit_code", ExitCode.VALIDATION)
            .with("pending", open));
    return ExitCode.VALIDATION;
  }

  private static String name(MigrationInfo m) {
    return Summary.name(m.id()) + " (" + m.state().label() + ")";
  }
}
