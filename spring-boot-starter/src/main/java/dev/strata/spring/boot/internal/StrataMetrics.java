package dev.strata.spring.boot.internal;

import dev.strata.api.Direction;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Strata's Micrometer meters:
 *
 * <ul>
 *   <li>{@code strata.migrate} (timer): the startup command, tagged {@code mode} ({@code migrate},
 *       {@code validate}, {@code custom}), {@code outcome} ({@code success}, {@code failure}) and
 *       {@code exception} ({@code none} or the exception's simple class name);
 *   <li>{@code strata.migrations.applied} (counter): migrations this process applied;
 *   <li>{@code strata.migrations.failed} (counter): migrations that failed in this process.
 * </ul>
 *
 * <p>Migrations run while the context starts, and Spring Boot binds meter binders only after every
 * singleton exists, so what happens before {@link #bindTo} is kept and recorded when a registry is
 * bound: the counters read the totals, the startup runs are replayed into the timer. Thread-safe.
 */
public final class StrataMetrics implements MeterBinder, StrataListener, StartupCommandListener {
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  // Guarded by this: the runs so far (one per context start) and the registries bound so far.
  private final List<Run> runs = new ArrayList<>();
  private final List<MeterRegistry> registries = new ArrayList<>();

  @Override
  public void onEvent(StrataEvent event) {
    if (event instanceof StrataEvent.MigrationCompleted c
        && c.migration().direction() == Direction.UP) {
      applied.incrementAndGet();
    } else if (event instanceof StrataEvent.MigrationFailed) {
      failed.incrementAndGet();
    }
  }

  @Override
  public synchronized void finished(String mode, Duration duration, @Nullable Throwable failure) {
    Run run = new Run(mode, duration, failure == null ? null : failure.getClass().getSimpleName());
    runs.add(run);
    registries.forEach(registry -> run.record(registry));
  }

  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("strata.migrations.applied", applied, AtomicLong::get)
        .description("Migrations applied by Strata in this process")
        .baseUnit("migrations")
        .register(registry);
    FunctionCounter.builder("strata.migrations.failed", failed, AtomicLong::get)
        .description("Migrations that failed in this process")
        .baseUnit("migrations")
        .register(registry);
    registries.add(registry);
    runs.forEach(run -> run.record(registry));
  }

  private record Run(String mode, Duration duration, @Nullable String exception) {
    void record(MeterRegistry registry) {
      Timer.builder("strata.migrate")
          .description("Strata's startup command: migrate and validate, or validate")
          .tags(
              Tags.of(
                  "mode", mode,
                  "outcome", exception == null ? "success" : "failure",
                  "exception", exception == null ? "none" : exception))
          .register(registry)
          .record(duration);
    }
  }
}
