package dev.strata.cli.internal;

import dev.strata.api.MigrateResult;
import dev.strata.cli.ExitCode;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata migrate}: applies every pending migration; the last line is the summary. */
@Command(
    name = "migrate",
    sortOptions = false,
    description = {
      "Apply every pending migration in version order, then changed repeatable ones.",
      "Progress goes to stderr; the last line on stdout is the summary, e.g."
          + " 'applied 2 migrations (V7, V8) in 340 ms'."
    })
final class MigrateCommand extends EngineCommand {
  @Option(
      names = "--target",
      paramLabel = "VERSION",
      converter = Versions.TargetConverter.class,
      description = "Apply migrations up to and including VERSION only (or latest).")
  @Nullable String target;

  MigrateCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  Map<String, String> commandProperties() {
    return target == null ? Map.of() : Map.of("strata.target", target);
  }

  @Override
  int run() {
    MigrateResult result = strata().migrate();
    console.result(
        "summary",
        result.summary(),
        Summary.of("migrate", result.applied(), result.durationMs()).with("lock_taken", result.lockTaken()));
    return ExitCode.SUCCESS;
  }
}
