package dev.strata.cli.internal;

import dev.strata.api.HistoryEntry;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata history}: the audit trail of the history table, oldest first. */
@Command(
    name = "history",
    sortOptions = false,
    description = {
      "Show the audit trail, oldest first: every apply, revert, baseline and repair, who did it,"
          + " when, how long it took, and the run and release it belongs to. Changes nothing."
    })
final class HistoryCommand extends EngineCommand {
  @Option(
      names = "--output",
      paramLabel = "text|json",
      description = "json: print one JSON document on stdout (STRATA_OUTPUT). Default: text")
  Format output = Format.TEXT;

  HistoryCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  int run() {
    Strata strata = strata();
    List<HistoryEntry> history = strata.history();
    if (output == Format.JSON) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("database", strata.configuration().displayUrl());
      doc.put("table", strata.configuration().table());
      doc.put("history", history.stream().map(HistoryCommand::document).toList());
      console.document(doc);
      return ExitCode.SUCCESS;
    }
    TextTable table =
        new TextTable(
            "Rank",
            "Version",
            "Description",
            "Action",
            "Result",
            "Statements",
            "By",
            "At",
            "Duration",
            "Run",
            "Release",
            "Script");
    for (HistoryEntry e : history) {
      table.add(
          Long.toString(e.rank()),
          e.id().version() == null ? "R" : e.id().version().toString(),
          e.id().description(),
          action(e),
          e.success() ? "success" : "FAILED",
          Integer.toString(e.statementsApplied()),
          e.installedBy(),
          StatusCommand.time(e.installedAt()),
          e.durationMs() + " ms",
          shortRun(e.runId()),
          e.release() == null ? "" : e.release(),
          e.script());
    }
    List<String> lines = table.lines();
    console.resultText(lines.get(0));
    console.resultText(lines.get(1));
    for (int i = 0; i < history.size(); i++) {
      console.result("history_entry", lines.get(i + 2), fields(history.get(i)));
    }
    int n = history.size();
    console.result(
        "history_summary",
        n + (n == 1 ? " history row" : " history rows") + " in " + strata.configuration().table(),
        Fields.of("count", n));
    return ExitCode.SUCCESS;
  }

  /**
   * The first 8 characters of a run's id: enough to tell a table's runs apart; {@code --output
   * json} has the whole id.
   */
  static String shortRun(@Nullable String run) {
    return run == null ? "" : run.substring(0, Math.min(8, run.length()));
  }

  private static String action(HistoryEntry e) {
    return e.action().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Map<String, Object> document(HistoryEntry e) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("rank", e.rank());
    row.put("version", e.id().version() == null ? null : e.id().version().toString());
    row.put("description", e.id().description());
    row.put("action", action(e));
    row.put("success", e.success());
    row.put("statements_applied", e.statementsApplied());
    row.put("installed_by", e.installedBy());
    row.put("installed_at", e.installedAt().toString());
    row.put("duration_ms", e.durationMs());
    row.put("script", e.script());
    row.put("checksum", e.checksum());
    row.put("engine_version", e.engineVersion());
    row.put("run_id", e.runId());
    row.put("release", e.release());
    return row;
  }

  private static Fields fields(HistoryEntry e) {
    Fields f = Fields.of();
    document(e).forEach(f::with);
    return f;
  }
}
