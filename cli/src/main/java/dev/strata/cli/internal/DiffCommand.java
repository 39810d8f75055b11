package dev.strata.cli.internal;

import dev.strata.api.MigrationId;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaDifference;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
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
      doc.put("differences", diff.differences().stream().map(DiffCommand::document).toList());
      doc.put("pending", diff.pending().stream().map(MigrationId::toString).toList());
      doc.put("not_compared", diff.notCompared());
      doc.put("shadow", diff.shadow());
      console.document(doc);
    } else {
      print(diff);
    }
    return diff.hasDrift() ? ExitCode.VALIDATION : ExitCode.SUCCESS;
  }

  private void print(SchemaDiff diff) {
    console.resultText(
        "Compared with the schema the applied migrations produce (" + diff.shadow() + ").");
    for (SchemaDifference d : diff.differences()) {
      StringBuilder text = new StringBuilder(d.kind().label()).append(' ').append(d.object());
      if (d.expected() != null) {
        text.append("\n  expected: ").append(indented(d.expected()));
      }
      if (d.actual() != null) {
        text.append("\n  actual:   ").append(indented(d.actual()));
      }
      Fields fields = Fields.of();
      document(d).forEach(fields::with);
      console.result("schema_difference", text.toString(), fields);
    }
    if (!diff.pending().isEmpty()) {
      console.result(
          "schema_pending",
          diff.pending().size()
              + " pending migrations are not part of the comparison: "
              + diff.pending().stream().map(MigrationId::toString).collect(Collectors.joining(", "))
              + "; run `migrate`",
          Fields.of("pending", diff.pending().size()));
    }
    for (String gap : diff.notCompared()) {
      console.result("schema_not_compared", "not compared: " + gap, Fields.of("what", gap));
    }
    int n = diff.differences().size();
    console.result(
        "schema_diff_summary",
        n == 0 ? "no drift" : "drift: " + n + (n == 1 ? " difference" : " differences"),
        Fields.of("differences", n).with("drift", diff.hasDrift()));
  }

  private static String indented(String definition) {
    return definition.replace("\n", "\n            ");
  }

  static Map<String, Object> document(SchemaDifference d) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("kind", d.kind().label());
    row.put("type", d.type().label());
    row.put("table", d.table());
    row.put("name", d.name());
    row.put("expected", d.expected());
    row.put("actual", d.actual());
    return row;
  }
}
