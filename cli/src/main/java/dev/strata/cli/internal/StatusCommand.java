package dev.strata.cli.internal;

import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.StatusReport;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata status}: one row per migration with its state; changes nothing. */
@Command(
    name = "status",
    sortOptions = false,
    description = {
      "Show every migration with its state (applied, pending, reverted, baselined, failed, edited,"
          + " missing, out-of-order, above-target), when and by whom it was applied, how long"
          + " it took, and the run and release that applied it. Changes nothing."
    })
final class StatusCommand extends EngineCommand {
  @Option(
      names = "--output",
      paramLabel = "text|json",
      description = "json: print one JSON document on stdout (STRATA_OUTPUT). Default: text")
  Format output = Format.TEXT;

  @Option(
      names = "--exit-code",
      description =
          "Exit with 4 while any migration is not applied or baselined (STRATA_EXIT_CODE).")
  boolean exitCode;

  StatusCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  int run() {
    Strata strata = strata();
    StatusReport report = strata.status();
    if (output == Format.JSON) {
      console.document(document(strata.configuration().displayUrl(), report));
    } else {
      printTable(report);
    }
    if (exitCode && !report.isUpToDate()) {
      List<String> open =
          report.migrations().stream()
              .filter(
                  m -> m.state() != MigrationState.APPLIED && m.state() != MigrationState.BASELINED)
              .map(m -> Summary.name(m.id()) + " (" + m.state().label() + ")")
              .toList();
      console.error(
          "not_up_to_date",
          "not up to date: "
              + open.size()
              + (open.size() == 1 ? " migration is" : " migrations are")
              + " not applied: "
              + String.join(", ", open),
          Fields.of("code", "VALIDATION").with("exit_code", ExitCode.VALIDATION));
      return ExitCode.VALIDATION;
    }
    return ExitCode.SUCCESS;
  }

  private void printTable(StatusReport report) {
    TextTable table =
        new TextTable(
            "Version",
            "Description",
            "State",
            "Applied at",
            "Applied by",
            "Duration",
            "Run",
            "Release");
    for (MigrationInfo m : report.migrations()) {
      table.add(
          m.id().version() == null ? "R" : m.id().version().toString(),
          m.id().description(),
          m.state().label(),
          m.appliedAt() == null ? "" : time(m.appliedAt()),
          m.appliedBy() == null ? "" : m.appliedBy(),
          m.durationMs() == null ? "" : m.durationMs() + " ms",
          HistoryCommand.shortRun(m.appliedInRun()),
          m.appliedInRelease() == null ? "" : m.appliedInRelease());
    }
    List<String> lines = table.lines();
    console.resultText(lines.get(0));
    console.resultText(lines.get(1));
    for (int i = 0; i < report.migrations().size(); i++) {
      MigrationInfo m = report.migrations().get(i);
      console.result("migration_status", lines.get(i + 2), row(m));
    }
    console.result("status_summary", counts(report), Fields.of("up_to_date", report.isUpToDate()));
  }

  private static String counts(StatusReport report) {
    Map<MigrationState, Integer> counts = new EnumMap<>(MigrationState.class);
    report.migrations().forEach(m -> counts.merge(m.state(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((state, n) -> parts.add(n + " " + state.label()));
    int total = report.migrations().size();
    return total
        + (total == 1 ? " migration" : " migrations")
        + (parts.isEmpty() ? "" : ": " + String.join(", ", parts))
        + (report.isUpToDate() ? "; up to date" : "");
  }

  private static Map<String, Object> document(String database, StatusReport report) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("database", database);
    doc.put("up_to_date", report.isUpToDate());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MigrationInfo m : report.migrations()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("version", m.id().version() == null ? null : m.id().version().toString());
      row.put("description", m.id().description());
      row.put("kind", m.id().kind().name().toLowerCase(Locale.ROOT));
      row.put("state", m.state().label());
      row.put("file", m.origin());
      row.put("applied_at", m.appliedAt() == null ? null : m.appliedAt().toString());
      row.put("applied_by", m.appliedBy());
      row.put("duration_ms", m.durationMs());
      row.put("run_id", m.appliedInRun());
      row.put("release", m.appliedInRelease());
      rows.add(row);
    }
    doc.put("migrations", rows);
    return doc;
  }

  private static Fields row(MigrationInfo m) {
    return Fields.of("version", m.id().version() == null ? null : m.id().version().toString())
        .with("description", m.id().description())
        .with("kind", m.id().kind().name().toLowerCase(Locale.ROOT))
        .with("state", m.state().label())
        .with("file", m.origin())
        .with("applied_at", m.appliedAt() == null ? null : m.appliedAt().toString())
        .with("applied_by", m.appliedBy())
        .with("duration_ms", m.durationMs())
        .with("run_id", m.appliedInRun())
        .with("release", m.appliedInRelease());
  }

  /** {@code 2025-01-31T10:15:30Z}: to the second, in UTC, the same on every machine. */
  static String time(@Nullable Instant instant) {
    return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
