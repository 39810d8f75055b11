package dev.strata.core.internal.plan;

import dev.strata.api.MigrationVersion;
import dev.strata.api.ValidationProblem;
import dev.strata.api.ValidationProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Chooses what {@code down} reverts: the newest applied migrations, newest first. */
public final class DownPlanner {
  private DownPlanner() {}

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
    return new Selection(chosen, problems);
  }

  /** What {@link #select} chose, and why it would refuse. */
  public record Selection(List<SourceMigration> steps, List<ValidationProblem> problems) {}
}
