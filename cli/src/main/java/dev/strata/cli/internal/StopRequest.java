package dev.strata.cli.internal;

import dev.strata.api.CancelledException;
import dev.strata.core.Strata;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A request to stop the running command, made from another thread (the SIGTERM hook): it cancels
 * every engine the command created ({@link Strata#cancel()}: the running statement is cancelled,
 * the migration rolled back where the database allows and recorded, the lock released, and the
 * command throws {@link CancelledException}), and makes work not yet started refuse to start.
 * Thread-safe.
 */
public final class StopRequest {
  private final Set<Strata> running = ConcurrentHashMap.newKeySet();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile @Nullable Console console;

  /**
   * Stops every registered engine and every one registered later; safe to call repeatedly.
   *
   * @param reason for the line printed, e.g. "the process received SIGTERM"
   */
  public void stop(String reason) {
    boolean first = stopped.getCount() > 0;
    stopped.countDown();
    Console c = console;
    if (first && c != null) {
      c.warn(
          "stop_requested",
          "Stopping: " + reason + "; cancelling the running statement and releasing the lock",
          Fields.of("reason", reason));
    }
    running.forEach(Strata::cancel);
  }

  public boolean requested() {
    return stopped.getCount() == 0;
  }

  /** Where {@link #stop} reports; set once the command's output format is known. */
  void reportTo(Console console) {
    this.console = console;
  }

  /** Prints that the command did not finish within {@code grace} after {@link #stop}. */
  void reportTimeout(Duration grace) {
    Console c = console;
    if (c != null) {
      c.error(
          "stop_timeout",
          "The command did not stop within "
              + DurationConverter.text(grace)
              + "; exiting anyway."
              + " The database releases the lock and rolls back what it can when the connection"
              + " closes; run `strata status` to see the state",
          Fields.of("code", "CANCELLED").with("exit_code", dev.strata.cli.ExitCode.STOPPED));
    }
  }

  /**
   * Registers an engine the command is about to use; cancels it at once if stopping was requested.
   */
  Strata register(Strata strata) {
    running.add(strata);
    if (requested()) {
      strata.cancel();
    }
    return strata;
  }

  /**
   * Throws {@link CancelledException} when stopping was requested.
   *
   * @param what what was not started, e.g. "connecting to the database"
   */
  void check(String what) {
    if (requested()) {
      throw new CancelledException(
          "Stopped on request before " + what + "; nothing was changed", null);
    }
  }

  /** Sleeps for {@code duration}, returning early when stopping is requested. */
  void pause(Duration duration) {
    try {
      stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
