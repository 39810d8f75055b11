package dev.strata.core.internal.cancel;

import dev.strata.api.CancelledException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A request to stop one running command, made from another thread (a SIGTERM handler). It cancels
 * the statement running now, aborts a connection waiting for the lock, and makes the command stop
 * before its next statement.
 */
public final class Cancellation {
  private volatile boolean requested;
  private final Set<Statement> statements = ConcurrentHashMap.newKeySet();
  private final Set<Connection> waiting = ConcurrentHashMap.newKeySet();

  public boolean requested() {
    return requested;
  }

  /** Stops the command; safe to call from any thread, any number of times. */
  public void cancel() {
    requested = true;
    for (Statement s : statements) {
      try {
        s.cancel();
      } catch (SQLException e) {
        // The statement may have just finished; the flag stops the next one.
      }
    }
    for (Connection c : waiting) {
      try {
        c.abort(
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "strata-abort");
                  t.setDaemon(true);
                  return t;
                }));
      } catch (SQLException e) {
        // Closing a connection that waits for the lock; the lock loop fails either way.
      }
    }
  }

  /** Throws when stopping was requested; {@code what} says what was not started. */
  public void check(String what) {
    if (requested) {
      throw new CancelledException("Stopped on request before " + what + ".", null);
    }
  }

  public void running(Statement statement) {
    statements.add(statement);
    if (requested) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        // see cancel()
      }
    }
  }

  public void finished(Statement statement) {
    statements.remove(statement);
  }

  /** Registers a connection waiting for the lock, so that stopping aborts the wait. */
  public void waiting(Connection connection) {
    waiting.add(connection);
  }

  public void doneWaiting(Connection connection) {
    waiting.remove(connection);
  }
}
