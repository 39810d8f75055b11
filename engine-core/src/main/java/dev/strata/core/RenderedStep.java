package dev.strata.core;

import dev.strata.api.Direction;
import dev.strata.api.StrataEvent;
import dev.strata.core.internal.execute.Step;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration rendered into its step, with the warnings rendering raised, held back so that they
 * are reported when the step runs rather than when it was checked.
 */
record RenderedStep(Step step, List<StrataEvent.Warning> warnings) {
  RenderedStep {
    warnings = List.copyOf(warnings);
  }

  static RenderedStep of(Dialect dialect, SourceMigration m, Direction direction) {
    List<StrataEvent.Warning> warnings = new ArrayList<>();
    Step step = StepRenderer.render(dialect, m, direction, warnings::add);
    return new RenderedStep(step, warnings);
  }
}
