package dev.strata.cli.internal;

import dev.strata.api.MigrationId;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code strata diff}: the live schema against what its applied migrations produce. */
@Command(
    name = "diff",
    sortOptions = false,
    description = {
      "Compare the live schema with the schema its applied migrations produce in a scratch database"
          + " Strata creates on the same server and drops afterwards, and print every difference:"
          + " missing, unexpected, changed (with both definitions). Exits with 4 on drift. Takes no"
          + " lock and changes nothing in the live schema."
    })
final class DiffCommand extends EngineCommand {
  @Mixin ShadowOption shadow = new ShadowOption();

  @Option(
      names = "--output",
      paramLabel = "text|json",
      description = "json: print one JSON document on stdout (STRATA_OUTPUT). Default: text")
  Format output = Format.TEXT;

  DiffCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  int run() {
    Strata strata = strata();
    DataSource given = shadow.dataSource(this);
    SchemaDiff diff = given == null ? strata.diff() : strata.diff(given);
    if (output == Format.JSON) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("drift", diff.hasDrift());
      doc.put("differences", diff.differences().stream().map(DriftReport::document).toList());
      doc.put("pending", diff.pending().stream().map(MigrationId::toString).toList());
      doc.put("not_compared", diff.notCompared());
      doc.put("shadow", diff.shadow());
      console.document(doc);
    } else {
      new DriftReport(console).print(diff);
    }
    return diff.hasDrift() ? ExitCode.VALIDATION : ExitCode.SUCCESS;
  }
}
