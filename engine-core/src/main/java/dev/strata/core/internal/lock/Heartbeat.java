package dev.strata.core.internal.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Touches the connection of a session-level lock every {@link #INTERVAL} while the lock is held
 * ({@link Connection#isValid}: an empty query on PostgreSQL, a ping on MySQL), so that the dialect
 * can let the server end a lock session that falls silent for longer (PostgreSQL's {@code
 * idle_session_timeout}, MySQL's {@code wait_timeout}): a holder cut off by a partition or a dead
 * node then loses the lock within a bound, while a live one keeps it however long its migrations
 * run. A heartbeat that gets no answer within {@link #INTERVAL} marks the lock as possibly lost,
 * and nothing more is committed under it.
 */
final class Heartbeat {
  /** How often the lock's connection is touched, and how long an answer may take. */
  static final Duration INTERVAL = Duration.ofSeconds(5);

  private final Connection connection;
  private final Thread thread;
  private volatile @Nullable String silence;
  private volatile boolean stopped;

  private Heartbeat(Connection connection, String name) {
    this.connection = connection;
    this.thread = new Thread(this::beat, "strata-lock-heartbeat " + name);
    this.thread.setDaemon(true);
  }

  /** Starts beating on {@code connection}, the connection of the lock called {@code name}. */
  static Heartbeat start(Connection connection, String name) {
    Heartbeat heartbeat = new Heartbeat(connection, name);
    heartbeat.thread.start();
    return heartbeat;
  }

  /** Why the lock may be lost since a heartbeat went unanswered; {@code null} while it answers. */
  @Nullable String silence() {
    return silence;
  }

  /** Stops beating, waiting for a heartbeat under way. */
  void stop() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(INTERVAL.toMillis() * 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void beat() {
    while (!stopped) {
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      synchronized (connection) { // the lock's own checks use the connection too
        if (stopped) {
          return;
        }
        try {
          if (!connection.isValid((int) INTERVAL.toSeconds())) {
            silence =
                "the lock's connection did not answer a heartbeat within "
                    + INTERVAL.toSeconds()
                    + " s (a partitioned network or an unreachable server?), after which the"
                    + " server ends its session";
            return;
          }
        } catch (SQLException e) {
          silence = "the lock's connection failed a heartbeat: " + e.getMessage();
          return;
        }
      }
    }
  }
}
