package dev.strata.core.backfill;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between batches; replaced in tests so that they never sleep. */
@FunctionalInterface
interface Sleeper {
  Sleeper THREAD = pause -> TimeUnit.NANOSECONDS.sleep(pause.toNanos());

  void sleep(Duration pause) throws InterruptedException;
}
