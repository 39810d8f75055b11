package dev.strata.cli.internal;

import dev.strata.api.StrataListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.jspecify.annotations.Nullable;

/**
 * The one daemon thread that prints every {@link Heartbeat} of a command; closing it stops them
 * all. With a zero interval ({@code --heartbeat off}) it creates no thread and its heartbeats print
 * nothing. Thread-safe.
 */
final class HeartbeatTimer implements AutoCloseable {
  private final Duration interval;
  private final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
  private volatile @Nullable ScheduledExecutorService timer;

  HeartbeatTimer(Duration interval) {
    this.interval = interval;
  }

  /** The listener that prints the heartbeat of one engine's statements on {@code console}. */
  List<StrataListener> listenerFor(Console console) {
    if (interval.isZero()) {
      return List.of();
    }
    Heartbeat h = new Heartbeat(console, interval, timer());
    heartbeats.add(h);
    return List.of(h);
  }

  private synchronized ScheduledExecutorService timer() {
    ScheduledExecutorService t = timer;
    if (t == null) {
      ScheduledThreadPoolExecutor created =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread thread = new Thread(r, "strata-heartbeat");
                thread.setDaemon(true);
                return thread;
              });
      created.setRemoveOnCancelPolicy(true);
      timer = t = created;
    }
    return t;
  }

  @Override
  public void close() {
    heartbeats.forEach(Heartbeat::stop);
    ScheduledExecutorService t = timer;
    if (t != null) {
      t.shutdownNow();
    }
  }
}
