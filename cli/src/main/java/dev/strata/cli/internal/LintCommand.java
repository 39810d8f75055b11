package dev.strata.cli.internal;

import dev.strata.api.LintFinding;
import dev.strata.api.LintReport;
import dev.strata.api.LintSeverity;
import dev.strata.cli.ExitCode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata lint}: flags pending migrations that break running code or lock busy tables. */
@Command(
    name = "lint",
    sortOptions = false,
    description = {
      "Check the pending migrations for SQL that breaks the code still running or locks a busy"
          + " table; each finding names file, line and rule and says the safer way. Exits with 4"
          + " when a finding is at least --fail-on. Changes nothing."
    })
final class LintCommand extends EngineCommand {
  @Option(
      names = "--fail-on",
      paramLabel = "info|warning|error",
      description =
          "The lowest severity that makes lint exit with 4 (STRATA_FAIL_ON). Default: warning")
  String failOn = "warning";

  @Option(
      names = "--output",
      paramLabel = "text|json",
      description = "json: print one JSON document on stdout (STRATA_OUTPUT). Default: text")
  Format output = Format.TEXT;

  LintCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  void checkOptions() {
    severity();
  }

  private LintSeverity severity() {
    try {
      return LintSeverity.valueOf(failOn.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw usageError("--fail-on takes info, warning or error, not '" + failOn + "'");
    }
  }

  @Override
  int run() {
    LintReport report = strata().lint();
    boolean failing = report.hasAtLeast(severity());
    if (output == Format.JSON) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("findings", report.findings().stream().map(LintCommand::document).toList());
      doc.put("ignored", report.ignored().stream().map(LintCommand::document).toList());
      doc.put("fail_on", severity().label());
      doc.put("failed", failing);
      console.document(doc);
    } else {
      for (LintFinding f : report.findings()) {
        Fields fields = Fields.of();
        document(f).forEach(fields::with);
        console.result("lint_finding", f + " [" + f.statement() + "]", fields);
      }
      int n = report.findings().size();
      console.result(
          "lint_summary",
          n
              + (n == 1 ? " finding" : " findings")
              + (report.ignored().isEmpty()
                  ? ""
                  : ", " + report.ignored().size() + " ignored by directives")
              + (failing ? "; failing at " + severity().label() : ""),
          Fields.of("findings", n)
              .with("ignored", report.ignored().size())
              .with("failed", failing));
    }
    return failing ? ExitCode.VALIDATION : ExitCode.SUCCESS;
  }

  static Map<String, Object> document(LintFinding f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("version", f.id().version() == null ? null : f.id().version().toString());
    row.put("description", f.id().description());
    row.put("file", f.origin());
    row.put("line", f.line());
    row.put("rule", f.rule());
    row.put("severity", f.severity().label());
    row.put("statement", f.statement());
    row.put("message", f.message());
    return row;
  }
}
