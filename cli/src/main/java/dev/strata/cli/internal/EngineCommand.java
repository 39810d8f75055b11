package dev.strata.cli.internal;

import dev.strata.core.Strata;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
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
  @ArgGroup(validate = false, heading = "%nOptions of every command:%n")
  @Nullable CommonOptions given;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Spec CommandSpec spec;

  final Console console;
  private final StrataLoader loader;

  EngineCommand(Console console, StrataLoader loader) {
    this.console = console;
    this.loader = loader;
  }

  @Override
  public final Integer call() {
    CommonOptions options = options();
    if (options.password != null && options.passwordFile != null) {
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
    return loader.load(options(), commandProperties());
  }

  /** The common options; picocli leaves the group {@code null} when none is given. */
  final CommonOptions options() {
    return given == null ? new CommonOptions() : given;
  }

  final ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
