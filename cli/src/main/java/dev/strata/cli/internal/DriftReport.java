package dev.strata.cli.internal;

import dev.strata.api.MigrationId;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaDifference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link SchemaDiff} as text, as {@code diff} and {@code validate --check-schema} print it: what
 * it was compared with, each difference with both definitions, what is pending, what was not
 * compared, and the summary line.
 */
final class DriftReport {
  private final Console console;

  DriftReport(Console console) {
    this.console = console;
  }

  void print(SchemaDiff diff) {
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

  /** One difference as a JSON object / log fields. */
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
