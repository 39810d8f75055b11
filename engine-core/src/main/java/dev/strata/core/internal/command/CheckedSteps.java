package dev.strata.core.internal.command;

import dev.strata.api.Direction;
import dev.strata.api.PlannedMigration;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import dev.strata.core.internal.execute.Step;
import dev.strata.core.internal.execute.StepRenderer;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command's steps, rendered (parsed) once, before anything changes: checked before the lock
 * where the history table must exist before it (or a lint gate needs them), and reused under it,
 * where their warnings are reported. A migration not checked before the lock is rendered under it,
 * before the history table is created and before anything runs.
 */
final class CheckedSteps {
  private record Rendered(Step step, List<StrataEvent.Warning> warnings) {}

  private final Direction direction;
  private final Map<SourceMigration, Rendered> rendered = new IdentityHashMap<>();

  CheckedSteps(Direction direction) {
    this.direction = direction;
  }

  /** Renders {@code migrations}, holding back their warnings; returns what they would run. */
  List<PlannedMigration> check(Dialect dialect, List<SourceMigration> migrations) {
    List<PlannedMigration> planned = new ArrayList<>();
    for (SourceMigration m : migrations) {
      planned.add(rendered.computeIfAbsent(m, x -> render(dialect, x)).step().planned());
    }
    return planned;
  }

  /** The steps to run for {@code migrations}, their warnings reported to {@code listener}. */
  List<Step> take(Dialect dialect, List<SourceMigration> migrations, StrataListener listener) {
    List<Step> steps = new ArrayList<>();
    for (SourceMigration m : migrations) {
      Rendered r = rendered.computeIfAbsent(m, x -> render(dialect, x));
      r.warnings().forEach(listener::onEvent);
      steps.add(r.step());
    }
    return steps;
  }

  private Rendered render(Dialect dialect, SourceMigration m) {
    List<StrataEvent.Warning> warnings = new ArrayList<>();
    Step step = StepRenderer.render(dialect, m, direction, warnings::add);
    return new Rendered(step, List.copyOf(warnings));
  }
}
