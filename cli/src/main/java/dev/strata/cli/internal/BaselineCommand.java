package dev.strata.cli.internal;

import dev.strata.api.BaselineResult;
import dev.strata.api.MigrationVersion;
import dev.strata.cli.ExitCode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata baseline --version V}: adopts a database that Strata has never migrated. */
@Command(
    name = "baseline",
    sortOptions = false,
    customSynopsis = "strata baseline (--version=VERSION | --from=TOOL) [OPTIONS]",
    description = {
      "Adopt an existing database: migrations up to and including VERSION count as applied from"
          + " now on and never run. With --from, adopt what another tool applied (drizzle, flyway,"
          + " golang-migrate, goose, dbmate, sqlx, diesel, prisma), matched with the sources;"
          + " an older migration the tool never applied but would still apply stays pending, and a"
          + " warning names it. Refuses when the history table already records migrations."
    })
final class BaselineCommand extends EngineCommand {
  @Option(
      names = "--version",
      paramLabel = "VERSION",
      converter = Versions.VersionConverter.class,
      description = "The version the existing database is at, e.g. 5 or 1.2.")
  @Nullable MigrationVersion version;

  @Option(
      names = "--from",
      paramLabel = "TOOL",
      description =
          "Adopt another tool's history: drizzle, flyway, golang-migrate, goose, dbmate, sqlx,"
              + " diesel or prisma.")
  @Nullable String from;

  BaselineCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  void checkOptions() {
    if ((version == null) == (from == null)) {
      throw usageError("give either --version or --from");
    }
  }

  @Override
  int run() {
    BaselineResult result = from != null ? strata().baselineFrom(from) : strata().baseline(version);
    if (!result.adopted().isEmpty()) {
      console.result(
          "adopted",
          "adopted "
              + result.adopted().size()
              + " migration(s) that "
              + from
              + " applied, up to "
              + result.version()
              + "; they will not run again",
          Fields.of("version", result.version().toString())
              .with("adopted", result.adopted().stream().map(Object::toString).toList()));
      return ExitCode.SUCCESS;
    }
    console.result(
        "baselined",
        "baselined at version "
            + result.version()
            + ": migrations up to and including "
            + result.version()
            + " count as applied",
        Fields.of("version", result.version().toString()));
    return ExitCode.SUCCESS;
  }
}
