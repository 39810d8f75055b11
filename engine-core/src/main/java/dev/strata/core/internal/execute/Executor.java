package dev.strata.core.internal.execute;

import dev.strata.api.Direction;
import dev.strata.api.ExecutedMigration;
import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.PlannedMigration;
import dev.strata.api.SqlStatement;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import dev.strata.core.internal.history.HistoryStore;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs one planned migration and records it. Where the database has transactional DDL the
 * migration and its history row commit together, so a failure leaves nothing behind. Otherwise
 * the history row is written first as failed and updated after every statement, so a crash or
 * failure is visible as "statements 1-2 of 4 applied" instead of silently half-applied.
 */
public final class Executor {
  private final Dialect dialect;
  private final HistoryStore history;
  private final StrataListener listener;
  private final String installedBy;
  private final Clock clock;

  public Executor(
      Dialect dialect, HistoryStore history, StrataListener listener, String installedBy, Clock clock) {
    this.dialect = dialect;
    this.history = history;
    this.listener = listener;
    this.installedBy = installedBy;
    this.clock = clock;
  }

  /** Runs {@code m} on {@code c}, recording it as history row {@code rank}. */
  public ExecutedMigration run(Connection c, PlannedMigration m, long rank) throws SQLException {
    listener.onEvent(new StrataEvent.MigrationStarted(m));
    Instant start = clock.instant();
    if (m.transactional()) {
      runInTransaction(c, m, rank, start);
    } else {
      runStatementByStatement(c, m, rank, start);
    }
    Duration took = Duration.between(start, clock.instant());
    listener.onEvent(new StrataEvent.MigrationCompleted(m, took));
    return new ExecutedMigration(m.id(), m.direction(), m.statements().size(), took.toMillis());
  }

  private void runInTransaction(Connection c, PlannedMigration m, long rank, Instant start)
      throws SQLException {
    c.setAutoCommit(false);
    int done = 0;
    try {
      for (SqlStatement s : m.statements()) {
        execute(c, m, done + 1, s);
        done++;
      }
      history.append(c, entry(m, rank, true, done, start));
      c.commit();
    } catch (SQLException e) {
      SqlStatement failing = done < m.statements().size() ? m.statements().get(done) : null;
      try {
        c.rollback();
        c.setAutoCommit(true);
        history.append(c, entry(m, rank, false, 0, start));
      } catch (SQLException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw fail(m, failing, e, "The migration was rolled back: nothing of it is applied. Fix the"
          + " script and run the command again.");
    } finally {
      c.setAutoCommit(true);
    }
  }

  private void runStatementByStatement(Connection c, PlannedMigration m, long rank, Instant start)
      throws SQLException {
    c.setAutoCommit(true);
    history.append(c, entry(m, rank, false, 0, start));
    int done = 0;
    int total = m.statements().size();
    try {
      for (SqlStatement s : m.statements()) {
        execute(c, m, done + 1, s);
        done++;
        if (done < total) {
          history.update(c, rank, done, false, elapsed(start));
        }
      }
      history.update(c, rank, done, true, elapsed(start));
    } catch (SQLException e) {
      try {
        history.update(c, rank, done, false, elapsed(start));
      } catch (SQLException cleanup) {
        e.addSuppressed(cleanup);
      }
      String state =
          done == 0
              ? "No statement of it completed, so nothing of it is applied. Fix the script and run"
                  + " the command again."
              : "This database cannot roll back DDL: statements 1-" + done + " of " + total
                  + " were applied and remain. Finish or undo them by hand, then run `strata"
                  + " repair --confirm` and run the command again.";
      throw fail(m, done < total ? m.statements().get(done) : null, e, state);
    }
  }

  private void execute(Connection c, PlannedMigration m, int index, SqlStatement s)
      throws SQLException {
    listener.onEvent(new StrataEvent.StatementStarted(m, index, s));
    dialect.execute(c, s);
  }

  private MigrationFailedException fail(
      PlannedMigration m, SqlStatement failing, SQLException e, String state) {
    int line = failing == null ? 1 : failing.line();
    String where = m.origin() + ":" + line;
    String verb = m.direction() == Direction.UP ? "Applying " : "Reverting ";
    MigrationFailedException error =
        new MigrationFailedException(
            m.id().toString(),
            m.origin(),
            line,
            verb
                + m.id()
                + " failed at "
                + where
                + ": "
                + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                + ". "
                + state,
            e);
    listener.onEvent(new StrataEvent.MigrationFailed(m, error));
    return error;
  }

  private HistoryEntry entry(PlannedMigration m, long rank, boolean success, int done, Instant start) {
    return new HistoryEntry(
        rank,
        m.id(),
        m.direction() == Direction.UP ? HistoryAction.APPLY : HistoryAction.REVERT,
        m.origin(),
        m.direction() == Direction.UP ? m.checksum() : null,
        success,
        done,
        installedBy,
        clock.instant(),
        elapsed(start),
        "");
  }

  private long elapsed(Instant start) {
    return Duration.between(start, clock.instant()).toMillis();
  }
}
