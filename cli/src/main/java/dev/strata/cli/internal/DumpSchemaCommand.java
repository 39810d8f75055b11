package dev.strata.cli.internal;

import dev.strata.api.ConfigurationException;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code strata dump-schema}: the migration schema as a stable SQL file, to commit and review. */
@Command(
    name = "dump-schema",
    sortOptions = false,
    description = {
      "Write the migration schema as Strata inspects it: sorted, one object per block, without"
          + " server version or times, so the same schema always gives the same bytes. Strata's own"
          + " tables are left out. With --check FILE, exit with 4 when the migrations would produce"
          + " something else than FILE (built in a scratch database, as diff builds it). Takes no"
          + " lock and changes nothing."
    })
final class DumpSchemaCommand extends EngineCommand {
  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the dump to FILE instead of stdout (STRATA_SCHEMA_FILE)")
  @Nullable Path output;

  @Option(
      names = "--check",
      paramLabel = "FILE",
      description =
          "Compare FILE with the dump of what every migration produces; exit with 4 and name each"
              + " differing block when they differ (STRATA_SCHEMA_CHECK)")
  @Nullable Path check;

  @Mixin ShadowOption shadow = new ShadowOption();

  DumpSchemaCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  void checkOptions() {
    if (check != null && output != null) {
      throw usageError("give --output FILE to write a dump or --check FILE to compare, not both");
    }
    if (check == null && shadow.url != null) {
      throw usageError("--shadow-url is for --check, which builds the schema the migrations make");
    }
  }

  @Override
  int run() {
    Strata strata = strata();
    if (check != null) {
      return check(strata, check);
    }
    String dump = strata.dumpSchema();
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

  private int check(Strata strata, Path file) {
    String committed;
    try {
      committed = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot read " + file + " to compare: " + e + "; write it with dump-schema --output", e);
    }
    DataSource given = shadow.dataSource(this);
    String expected =
        given == null ? strata.dumpExpectedSchema() : strata.dumpExpectedSchema(given);
    List<String> differences = DumpBlocks.differences(committed, expected);
    for (String d : differences) {
      console.result("schema_file_difference", d, Fields.of("file", file.toString()));
    }
    boolean same = differences.isEmpty() && committed.equals(expected);
    console.result(
        "schema_file_check",
        same
            ? file + " is what the migrations produce"
            : file
                + " is not what the migrations produce"
                + (differences.isEmpty() ? " (outside its object blocks)" : "")
                + "; write it again with dump-schema --output "
                + file,
        Fields.of("file", file.toString()).with("same", same));
    return same ? ExitCode.SUCCESS : ExitCode.VALIDATION;
  }
}
