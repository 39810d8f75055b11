package dev.strata.core.internal.command;

import java.util.concurrent.TimeUnit;

/** How long a command took, as its result reports it. */
final class Durations {
  private Durations() {}

  /**
   * Milliseconds since {@code started}, a {@link System#nanoTime()} reading: immune to clock steps.
   */
  static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
