package dev.strata.cli.internal;

import dev.strata.api.MigrationId;
import dev.strata.api.RepairResult;
import dev.strata.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata repair --confirm}: clears failed attempts and accepts edited scripts. It rewrites
 * what the history says about the database, so it refuses to run without {@code --confirm}.
 */
@Command(
    name = "repair",
    sortOptions = false,
    description = {
      "Clear failed attempts and accept the edited scripts of applied migrations, recording both"
          + " in the history table.",
      "Run it only after fixing the database by hand; it refuses to run without --confirm."
    })
final class RepairCommand extends EngineCommand {
  @Option(names = "--confirm", description = "Confirm that the database was fixed by hand.")
  boolean confirm;

  RepairCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  void checkOptions() {
    if (!confirm) {
      throw usageError(
          "repair changes the history table: it marks failed migrations as cleared and accepts"
              + " edited scripts as applied. First fix the database by hand (finish or undo the"
              + " statements of a failed migration), then run the command again with --confirm");
    }
  }

  @Override
  int run() {
    RepairResult result = strata().repair();
    List<String> parts = new ArrayList<>();
    if (!result.clearedFailures().isEmpty()) {
      parts.add("cleared the failed attempt of " + names(result.clearedFailures()));
    }
    if (!result.realignedChecksums().isEmpty()) {
      parts.add("accepted the edited script of " + names(result.realignedChecksums()));
    }
    console.result(
        "repaired",
        parts.isEmpty() ? "repair: nothing to repair" : "repair: " + String.join("; ", parts),
        Fields.of("cleared_failures", result.clearedFailures().stream().map(Summary::name).toList())
            .with(
                "realigned_checksums",
                result.realignedChecksums().stream().map(Summary::name).toList()));
    return ExitCode.SUCCESS;
  }

  private static String names(List<MigrationId> ids) {
    return ids.size()
        + (ids.size() == 1 ? " migration (" : " migrations (")
        + String.join(", ", ids.stream().map(Summary::name).toList())
        + ")";
  }
}
