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
 * {@code down}: selects the newest applied migrations and checks their down scripts without the
 * lock, then selects again under it and reverts them, newest first.
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
    @Nullable LockTarget target =
        engine.withSession(
            s -> {
              sources.addAll(engine.discovery().discover(s.dialect()));
              DownPlanner.Selection sel =
                  DownPlanner.select(engine.reconcile(s, sources), request.steps(), request.to());
              Engine.refuseOnProblems("down", sel.problems());
              if (sel.steps().isEmpty()) {
                return null;
              }
              checked.check(s.dialect(), sel.steps());
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
              DownPlanner.Selection current =
                  DownPlanner.select(engine.reconcile(s, sources), request.steps(), request.to());
              Engine.refuseOnProblems("down", current.problems());
              return engine.execute(
                  s,
                  guard,
                  cancellation,
                  checked.take(s.dialect(), current.steps(), engine.listener()));
            });
    return new DownResult(reverted, Durations.millisSince(started));
  }
}
