package dev.strata.cli.internal;

import dev.strata.api.BaselineResult;
import dev.strata.api.MigrationVersion;
import dev.strata.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata baseline --version V}: adopts a database that Strata has never migrated. */
@Command(
    name = "baseline",
    sortOptions = false,
    customSynopsis = "strata baseline --version=VERSION [OPTIONS]",
    description = {
      "Adopt an existing database: migrations up to and including VERSION count as applied from"
          + " now on and never run. Refuses when the history table already records migrations."
    })
final class BaselineCommand extends EngineCommand {
  @Option(
      names = "--version",
      paramLabel = "VERSION",
      required = true,
      converter = Versions.VersionConverter.class,
      description = "The version the existing database is at, e.g. 5 or 1.2.")
  MigrationVersion version = MigrationVersion.parse("0");

  BaselineCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  int run() {
    BaselineResult result = strata().baseline(version);
    console.result(
        "baselined",
        "baselined at version " + result.version() + ": migrations up to and including "
            + result.version() + " count as applied",
        Fields.of("version", result.version().toString()));
    return ExitCode.SUCCESS;
  }
}
