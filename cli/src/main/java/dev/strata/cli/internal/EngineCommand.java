package dev.strata.cli.internal;

import dev.strata.api.StrataListener;
import dev.strata.core.Strata;
import dev.strata.core.StrataOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that runs against the database: it takes the {@link CommonOptions}, builds the engine
 * from the layered configuration and prints its result. Failures propagate to the launcher, which
 * reports each once.
 */
abstract class EngineCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--wait-for-database",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Retry the first connection with backoff for up to DURATION, e.g. 2m, while the database"
              + " starts (STRATA_WAIT_FOR_DATABASE). Default: 0, fail at once")
  Duration waitForDatabase = Duration.ZERO;

  @Spec CommandSpec spec;

  final Console console;
  final StrataLoader loader;
  private boolean waited;

  EngineCommand(Console console, StrataLoader loader) {
    this.console = console;
    this.loader = loader;
  }

  @Override
  public final Integer call() {
    CommonOptions options = options();
    if (options.get(StrataOption.PASSWORD) != null
        && options.get(StrataOption.PASSWORD_FILE) != null) {
      throw usageError("give --password or --password-file, not both");
    }
    checkOptions();
    return run();
  }

  /** Refuses option combinations picocli cannot express; throws {@link #usageError}. */
  void checkOptions() {}

  /** {@code strata.*} options of this command (such as the target), above every layer. */
  Map<String, String> commandProperties() {
    return Map.of();
  }

  /** Runs the command; returns its exit code. */
  abstract int run();

  final Strata strata() {
    return strata(Map.of(), console, List.of());
  }

  /**
   * An engine for this command; the first one waits for the database ({@code --wait-for-database}).
   *
   * @param more {@code strata.*} options above the command's own (the schema of one tenant)
   * @param progress where its events are printed
   * @param listeners further listeners (the heartbeat)
   */
  final Strata strata(Map<String, String> more, Console progress, List<StrataListener> listeners) {
    Map<String, String> properties = new LinkedHashMap<>(commandProperties());
    properties.putAll(more);
    Strata strata = loader.load(options(), properties, progress, listeners);
    awaitDatabase(strata);
    return strata;
  }

  private synchronized void awaitDatabase(Strata strata) {
    if (!waited) {
      waited = true;
      StopRequest stop = loader.stopRequest();
      new DatabaseWait(console, console.clock(), stop::pause, stop)
          .untilReachable(strata.configuration(), waitForDatabase);
    }
  }

  /** The common options this command's command line gave. */
  final CommonOptions options() {
    return CommonOptions.of(spec);
  }

  final ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
