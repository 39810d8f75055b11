package dev.strata.core.internal.command;

import dev.strata.api.Direction;
import dev.strata.api.DownRequest;
import dev.strata.api.DownResult;
import dev.strata.api.ExecutedMigration;
import dev.strata.core.internal.cancel.Cancellation;
import dev.strata.core.internal.lock.LockTarget;
import dev.strata.core.internal.plan.DownPlanner;
import dev.strata.core.internal.plan.SourceMigration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code down}: selects what to revert and checks the down scripts without the lock, then selects
 * again under it and reverts them, newest first. A last-run selection is pinned to the run chosen
 * first: a second process that waited for the lock while the first reverted that run then finds
 * nothing left, instead of reverting the run before it.
 */
public final class Down {
  private final Engine engine;

  public Down(Engine engine) {
    this.engine = engine;
  }

  public DownResult run(DownRequest request) {
    return engine.cancellable(cancellation -> run(request, cancellation));
  }

  private DownResult run(DownRequest request, Cancellation cancellation) {
    long started = System.nanoTime();
    List<SourceMigration> sources = new ArrayList<>();
    CheckedSteps checked = new CheckedSteps(Direction.DOWN);
    String[] run = new String[1];
    @Nullable LockTarget target =
        engine.withSession(
            s -> {
              sources.addAll(engine.discovery().discover(s.dialect()));
              DownPlanner.Selection sel = engine.selectDown(s, sources, request, null);
              Engine.refuseOnProblems("down", sel.problems());
              if (sel.steps().isEmpty()) {
                engine.reportKeptRepeatables(sel);
                return null;
              }
              checked.check(s.dialect(), sel.steps());
              if (s.dialect().lockNeedsHistoryTable()) {
                // A lock on a row of the table (H2) would block the ALTER TABLE that adds the
                // run columns to an earlier Strata's table, so they are added before it.
                s.history().addColumnsIfAbsent(s.connection());
              }
              run[0] = sel.run();
              return s.lockTarget();
            });
    if (target == null) {
      return new DownResult(List.of(), Durations.millisSince(started));
    }
    List<ExecutedMigration> reverted =
        engine.underLock(
            target,
            cancellation,
            (s, guard) -> {
              DownPlanner.Selection current = engine.selectDown(s, sources, request, run[0]);
              Engine.refuseOnProblems("down", current.problems());
              engine.reportKeptRepeatables(current);
              return engine.execute(
                  s,
                  guard,
                  cancellation,
                  checked.take(s.dialect(), current.steps(), engine.listener()));
            });
    return new DownResult(reverted, Durations.millisSince(started));
  }
}
