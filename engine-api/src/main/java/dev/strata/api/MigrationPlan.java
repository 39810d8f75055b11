package dev.strata.api;

import java.util.List;

/**
 * What {@code migrate} or {@code down} would do, computed without changing anything: the steps in
 * execution order with their statements, and the problems that would stop the command.
 *
 * @param direction {@link Direction#UP} for {@code migrate}, {@link Direction#DOWN} for {@code
 *     down}
 * @param steps the steps, in execution order
 * @param problems differences between sources and history that make the command refuse to run;
 *     empty when it would run
 */
public record MigrationPlan(
    Direction direction, List<PlannedMigration> steps, List<ValidationProblem> problems) {
  public MigrationPlan {
    steps = List.copyOf(steps);
    problems = List.copyOf(problems);
  }

  /** Whether there is nothing to do and nothing wrong. */
  public boolean isUpToDate() {
    return steps.isEmpty() && problems.isEmpty();
  }
}
