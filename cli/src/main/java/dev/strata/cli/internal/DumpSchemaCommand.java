package dev.strata.cli.internal;

import dev.strata.api.ConfigurationException;
import dev.strata.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata dump-schema}: the migration schema as a stable SQL file, to commit and review. */
@Command(
    name = "dump-schema",
    sortOptions = false,
    description = {
      "Write the migration schema as Strata inspects it: sorted, one object per block, without"
          + " server version or times, so the same schema always gives the same bytes. Strata's own"
          + " tables are left out. Takes no lock and changes nothing."
    })
final class DumpSchemaCommand extends EngineCommand {
  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the dump to FILE instead of stdout (STRATA_SCHEMA_FILE)")
  @Nullable Path output;

  DumpSchemaCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  int run() {
    String dump = strata().dumpSchema();
    if (output == null) {
      console.verbatim(dump);
      return ExitCode.SUCCESS;
    }
    try {
      Files.writeString(output, dump, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot write the schema dump to " + output + ": " + e + "; check --output", e);
    }
    console.info(
        "schema_dumped",
        "Wrote the schema to " + output,
        Fields.of("file", output.toString()).with("bytes", dump.length()));
    return ExitCode.SUCCESS;
  }
}
