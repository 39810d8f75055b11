package dev.strata.core.internal.plan;

import dev.strata.api.ConfigurationException;
import dev.strata.api.DownRequest;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationVersion;
import dev.strata.api.ValidationProblem;
import dev.strata.api.ValidationProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chooses what {@code down} reverts, newest first: the newest applied migrations, those newer than
 * a version, those the newest run applied, or those applied after a release's newest run.
 */
public final class DownPlanner {
  private DownPlanner() {}

  /**
   * The migrations {@code request} reverts, with the problems that make {@code down} refuse.
   *
   * @param history the rows {@code reconciliation} was made from
   * @param pinnedRun for {@link DownRequest#lastRun()}: the run an earlier selection chose, so that
   *     selecting again under the lock, after another process reverted that run, finds nothing
   *     rather than the run before it; {@code null} to choose the newest
   * @throws ConfigurationException changing nothing, when no run carries the release asked for, or
   *     the newest applied migration was applied before runs were recorded
   */
  public static Selection select(
      Reconciliation reconciliation,
      List<HistoryEntry> history,
      DownRequest request,
      @Nullable String pinnedRun) {
    if (!request.revertsLastRun() && request.toRelease() == null) {
      return select(reconciliation, request.steps(), request.to());
    }
    RunHistory runs = new RunHistory(history);
    List<SourceMigration> applied = reconciliation.appliedNewestFirst();
    List<SourceMigration> chosen = new ArrayList<>();
    List<HistoryEntry> kept;
    String run = null;
    if (request.revertsLastRun()) {
      run = pinnedRun != null ? pinnedRun : newestRun(applied, runs);
      for (SourceMigration s : applied) {
        HistoryEntry apply = runs.lastApply(s);
        if (run != null && apply != null && run.equals(apply.runId())) {
          chosen.add(s);
        }
      }
      kept = run == null ? List.of() : runs.repeatablesAppliedBy(run);
    } else {
      String release = request.toRelease();
      Long end = runs.endOfRelease(release);
      if (end == null) {
        throw new ConfigurationException(
            "No run in the history is labelled '"
                + release
                + "'"
                + (runs.releases().isEmpty()
                    ? " (no run carries a label)"
                    : " (labels recorded: " + String.join(", ", runs.releases()) + ")")
                + "; nothing was reverted. A run that applied no migration records no label:"
                + " give the newest earlier release that applied one, or revert to a version");
      }
      for (SourceMigration s : applied) {
        HistoryEntry apply = runs.lastApply(s);
        if (apply != null && apply.rank() > end) {
          chosen.add(s);
        }
      }
      kept = runs.repeatablesAppliedAfter(end);
    }
    return new Selection(chosen, problems(reconciliation, chosen), run, kept);
  }

  /** The run that applied the newest still-applied migration, or {@code null} when none is. */
  private static @Nullable String newestRun(List<SourceMigration> applied, RunHistory runs) {
    HistoryEntry newest = null;
    for (SourceMigration s : applied) {
      HistoryEntry apply = runs.lastApply(s);
      if (apply != null && (newest == null || apply.rank() > newest.rank())) {
        newest = apply;
      }
    }
    if (newest != null && newest.runId() == null) {
      throw new ConfigurationException(
          newest.id()
              + " ("
              + newest.script()
              + "), the migration applied last, was applied before Strata recorded runs;"
              + " nothing was reverted. Revert it by steps or to a version");
    }
    return newest == null ? null : newest.runId();
  }

  /**
   * The migrations to revert, with the problems that make {@code down} refuse (any problem of the
   * reconciliation, or a missing down script).
   *
   * @param steps how many to revert, or {@code null} when {@code to} is given
   * @param to revert every migration newer than this version, or {@code null}
   */
  public static Selection select(
      Reconciliation reconciliation, @Nullable Integer steps, @Nullable MigrationVersion to) {
    List<SourceMigration> chosen = new ArrayList<>();
    for (SourceMigration s : reconciliation.appliedNewestFirst()) {
      boolean wanted = steps != null ? chosen.size() < steps : s.id().version().isNewerThan(to);
      if (!wanted) {
        break;
      }
      chosen.add(s);
    }
    return new Selection(chosen, problems(reconciliation, chosen), null, List.of());
  }

  private static List<ValidationProblem> problems(
      Reconciliation reconciliation, List<SourceMigration> chosen) {
    List<ValidationProblem> problems = new ArrayList<>(reconciliation.problems());
    for (SourceMigration s : chosen) {
      if (s.down() == null) {
        problems.add(
            new ValidationProblem(
                Kind.NO_DOWN_SCRIPT,
                s.id().version(),
                s.id().description(),
                s.id()
                    + " ("
                    + s.up().origin()
                    + ") has no down script; add one (U"
                    + s.id().version()
                    + "__….sql or "
                    + s.id().version()
                    + "_….down.sql, empty for a no-op) to revert it"));
      }
    }
    return problems;
  }

  /**
   * What {@link #select} chose, and why it would refuse.
   *
   * @param run the run a last-run selection reverts, {@code null} otherwise or when none
   * @param repeatables the repeatable migrations applied by what is reverted, which stay as they
   *     are: they have no down scripts
   */
  public record Selection(
      List<SourceMigration> steps,
      List<ValidationProblem> problems,
      @Nullable String run,
      List<HistoryEntry> repeatables) {}
}
