package dev.strata.core.internal.command;

import dev.strata.api.Direction;
import dev.strata.api.DownRequest;
import dev.strata.api.HistoryEntry;
import dev.strata.api.LintReport;
import dev.strata.api.MigrationPlan;
import dev.strata.api.StatusReport;
import dev.strata.api.ValidateResult;
import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.lint.Linter;
import dev.strata.core.internal.plan.DownPlanner;
import dev.strata.core.internal.plan.PlanSettings;
import dev.strata.core.internal.plan.Planner;
import dev.strata.core.internal.plan.Reconciliation;
import dev.strata.core.internal.plan.SourceMigration;
import java.util.ArrayList;
import java.util.List;

/** The commands that only read: {@code plan}, {@code lint}, {@code status}, {@code validate}. */
public final class Inspect {
  private final Engine engine;

  public Inspect(Engine engine) {
    this.engine = engine;
  }

  /** What {@code migrate} would do, statements included. */
  public MigrationPlan plan() {
    return engine.withSession(
        s -> {
          Reconciliation r = engine.reconcile(s, engine.discovery().discover(s.dialect()));
          return new MigrationPlan(
              Direction.UP,
              Engine.planned(engine.render(s, r.pending(), Direction.UP)),
              r.problems());
        });
  }

  /** What {@code down} would do. */
  public MigrationPlan planDown(DownRequest request) {
    return engine.withSession(
        s -> {
          DownPlanner.Selection sel =
              engine.selectDown(s, engine.discovery().discover(s.dialect()), request, null);
          engine.reportKeptRepeatables(sel);
          return new MigrationPlan(
              Direction.DOWN,
              Engine.planned(engine.render(s, sel.steps(), Direction.DOWN)),
              sel.problems());
        });
  }

  /** The findings in every pending migration, of every phase and out of order too. */
  public LintReport lint() {
    return engine.withSession(
        s -> {
          Reconciliation r =
              Planner.reconcile(
                  engine.discovery().discover(s.dialect()),
                  s.history().read(s.connection()),
                  new PlanSettings(engine.planSettings().target(), true, null));
          return new Linter(s.dialect().lintRules())
              .lint(r.pending(), Engine.planned(engine.render(s, r.pending(), Direction.UP)));
        });
  }

  public StatusReport status() {
    return engine.withSession(
        s ->
            new StatusReport(
                engine.reconcile(s, engine.discovery().discover(s.dialect())).status()));
  }

  /** Every difference between sources and history, pending migrations too if asked. */
  public ValidateResult validate(boolean requireUpToDate) {
    return engine.withSession(
        s -> {
          Reconciliation r = engine.reconcile(s, engine.discovery().discover(s.dialect()));
          List<ValidationProblem> problems = new ArrayList<>(r.problems());
          if (requireUpToDate) {
            for (SourceMigration p : r.pending()) {
              problems.add(
                  new ValidationProblem(
                      ValidationProblem.Kind.PENDING,
                      p.id().version(),
                      p.id().description(),
                      p.id() + " (" + p.up().origin() + ") is pending; run `migrate`"));
            }
          }
          return new ValidateResult(problems);
        });
  }

  /** The audit trail, oldest first; empty when the history table does not exist. */
  public List<HistoryEntry> history() {
    return engine.withSession(s -> s.history().read(s.connection()));
  }
}
