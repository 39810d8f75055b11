package dev.strata.cli.internal;

import dev.strata.cli.ExitCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The end of {@code migrate --schemas}: one row per schema (schema, applied, status, error) on
 * stdout, the summary line, and, when any schema failed, one error line naming them. The exit code
 * is that of the first failed schema in name order, so {@code 5} still means "retry later".
 */
final class SchemaReport {
  private static final int ERROR_WIDTH = 120;

  private final Console console;

  SchemaReport(Console console) {
    this.console = console;
  }

  /** Prints the outcomes; returns the exit code. */
  int print(List<SchemaFanOut.Outcome> outcomes, long durationMs, @Nullable Shard shard) {
    TextTable table = new TextTable("Schema", "Applied", "Status", "Error");
    for (SchemaFanOut.Outcome o : outcomes) {
      String error = o.error() == null ? "" : o.error();
      table.add(
          o.schema(),
          Integer.toString(o.applied().size()),
          o.status(),
          error.length() > ERROR_WIDTH ? error.substring(0, ERROR_WIDTH - 3) + "..." : error);
    }
    List<String> lines = table.lines();
    console.resultText(lines.get(0));
    console.resultText(lines.get(1));
    for (int i = 0; i < outcomes.size(); i++) {
      SchemaFanOut.Outcome o = outcomes.get(i);
      console.result(
          "schema_result",
          lines.get(i + 2),
          Fields.of("schema", o.schema())
              .with("applied", o.applied().size())
              .with("migrations", o.applied().stream().map(m -> Summary.name(m.id())).toList())
              .with("status", o.status())
              .with("exit_code", o.exitCode())
              .with("error", o.error()));
    }
    List<SchemaFanOut.Outcome> failed =
        outcomes.stream().filter(o -> o.exitCode() != ExitCode.SUCCESS).toList();
    int applied = outcomes.stream().mapToInt(o -> o.applied().size()).sum();
    int n = outcomes.size();
    List<String> failedNames = failed.stream().map(SchemaFanOut.Outcome::schema).toList();
    console.result(
        "summary",
        "migrated "
            + n
            + (n == 1 ? " schema" : " schemas")
            + (shard == null ? "" : " (shard " + shard + ")")
            + " in "
            + durationMs
            + " ms: "
            + (n - failed.size())
            + " succeeded, "
            + applied
            + (applied == 1 ? " migration" : " migrations")
            + " applied"
            + (failed.isEmpty()
                ? ""
                : "; " + failed.size() + " failed: " + String.join(", ", failedNames)),
        Fields.of("command", "migrate")
            .with("schemas", n)
            .with("succeeded", n - failed.size())
            .with("failed", failedNames)
            .with("count", applied)
            .with("shard", shard == null ? null : shard.toString())
            .with("duration_ms", durationMs));
    if (failed.isEmpty()) {
      return ExitCode.SUCCESS;
    }
    int exit = failed.get(0).exitCode();
    console.error(
        "schemas_failed",
        failed.size()
            + " of "
            + n
            + (n == 1 ? " schema" : " schemas")
            + " failed: "
            + String.join(
                ", ",
                failed.stream()
                    .map(o -> o.schema() + " (" + o.status() + ", exit " + o.exitCode() + ")")
                    .toList())
            + "; each one's error is printed above. Fix them and run migrate again: the others are"
            + " up to date and are skipped",
        Fields.of("failed", failedNames).with("code", "SCHEMAS_FAILED").with("exit_code", exit));
    return exit;
  }
}
