package dev.strata.backfill.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between batches; replaced in tests so that they never sleep. */
@FunctionalInterface
public interface Sleeper {
  Sleeper THREAD = pause -> TimeUnit.NANOSECONDS.sleep(pause.toNanos());

  void sleep(Duration pause) throws InterruptedException;
}
