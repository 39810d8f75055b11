package dev.strata.core.internal.command;

import dev.strata.api.Direction;
import dev.strata.api.ExecutedMigration;
import dev.strata.api.LintFailedException;
import dev.strata.api.LintReport;
import dev.strata.api.MigrateResult;
import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.cancel.Cancellation;
import dev.strata.core.internal.discovery.SourceScan;
import dev.strata.core.internal.execute.Step;
import dev.strata.core.internal.lint.Linter;
import dev.strata.core.internal.lock.LockTarget;
import dev.strata.core.internal.plan.Reconciliation;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.core.internal.session.Session;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code migrate}: plans without the lock and returns when nothing is pending; otherwise takes the
 * lock, plans again under it (another migrator may have done the work) and applies what is still
 * pending.
 */
public final class Migrate {
  private final Engine engine;

  public Migrate(Engine engine) {
    this.engine = engine;
  }

  public MigrateResult run() {
    return engine.cancellable(this::run);
  }

  private MigrateResult run(Cancellation cancellation) {
    long started = System.nanoTime();
    List<SourceMigration> sources = new ArrayList<>();
    CheckedSteps checked = new CheckedSteps(Direction.UP);
    // Files are read while the connection opens: the two take about as long on a first start.
    SourceScan.Pending scan = engine.discovery().start();
    @Nullable LockTarget target =
        engine.withSession(
            s -> {
              sources.addAll(engine.discovery().discover(s.dialect(), scan.join()));
              Reconciliation r = engine.pending(s, sources);
              // Without the lock, a row that looks failed may be another migrator's work in
              // progress on a database without transactional DDL: only the lock tells, so that
              // case goes on to take it.
              boolean maybeInProgress =
                  r.problems().stream().anyMatch(p -> p.kind() == ValidationProblem.Kind.FAILED);
              if (!maybeInProgress) {
                Engine.refuseOnProblems("migrate", r.problems());
                if (r.pending().isEmpty()) {
                  return null;
                }
              }
              if (engine.lintGate() != null) {
                LintReport report =
                    new Linter(s.dialect().lintRules())
                        .lint(r.pending(), checked.check(s.dialect(), r.pending()));
                if (report.hasAtLeast(engine.lintGate())) {
                  throw new LintFailedException(engine.lintGate(), report);
                }
              }
              if (tableBeforeLock(s)) {
                // A script that does not parse changes nothing.
                checked.check(s.dialect(), r.pending());
                s.history().createIfAbsent(s.connection());
              }
              return s.lockTarget();
            });
    if (target == null) {
      return new MigrateResult(List.of(), false, Durations.millisSince(started));
    }
    List<ExecutedMigration> applied =
        engine.underLock(
            target,
            cancellation,
            (s, guard) -> {
              Reconciliation current = engine.pending(s, sources);
              Engine.refuseOnProblems("migrate", current.problems());
              // Every pending script parses before the table is created or anything runs.
              List<Step> steps = checked.take(s.dialect(), current.pending(), engine.listener());
              if (!steps.isEmpty() && !tableBeforeLock(s)) {
                s.history().createIfAbsent(s.connection());
              }
              return engine.execute(s, guard, cancellation, steps);
            });
    return new MigrateResult(applied, true, Durations.millisSince(started));
  }

  /**
   * Whether the history table is created before the lock is taken: when the lock needs it, and in
   * lease mode, whose lock table lives in the history's schema. Otherwise the table is created
   * under the lock, and the pending scripts are parsed only there: racing migrators that find the
   * work done once they hold the lock parse nothing.
   */
  private boolean tableBeforeLock(Session s) {
    return s.dialect().lockNeedsHistoryTable() || engine.lockSettings().lease();
  }
}
