package dev.strata.core.internal.execute;

import dev.strata.api.Direction;
import dev.strata.api.ExecutedMigration;
import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.JavaMigration;
import dev.strata.api.JavaMigrationContext;
import dev.strata.api.CancelledException;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.StrataException;
import dev.strata.api.PlannedMigration;
import dev.strata.api.SqlStatement;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import dev.strata.core.internal.history.HistoryStore;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

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
  private final Cancellation cancellation;
  private final String schema;
  private final LockGuard lock;
  private final MigrationSession session;

  public Executor(
      Dialect dialect,
      HistoryStore history,
      StrataListener listener,
      String installedBy,
      Clock clock,
      Cancellation cancellation,
      String schema,
      LockGuard lock,
      Connection connection,
      @Nullable Duration lockTimeout,
      @Nullable Duration statementTimeout) {
    this.lock = lock;
    this.session = new MigrationSession(dialect, connection, schema, lockTimeout, statementTimeout);
    this.dialect = dialect;
    this.schema = schema;
    this.cancellation = cancellation;
    this.history = history;
    this.listener = listener;
    this.installedBy = installedBy;
    this.clock = clock;
  }

  /** Runs {@code step} on {@code c}, recording it as history row {@code rank}. */
  public ExecutedMigration run(Connection c, Step step, long rank) throws SQLException {
    PlannedMigration m = step.planned();
    cancellation.check(m.id().toString());
    lock.verifyHeld();
    session.before(step);
    listener.onEvent(new StrataEvent.MigrationStarted(m));
    Instant start = clock.instant();
    if (step.code() != null) {
      runJava(c, m, step.code(), rank, start);
    } else if (m.transactional()) {
      runInTransaction(c, m, rank, start);
    } else {
      runStatementByStatement(c, m, rank, start);
    }
    session.after(step);
    Duration took = Duration.between(start, clock.instant());
    listener.onEvent(new StrataEvent.MigrationCompleted(m, took));
    return new ExecutedMigration(m.id(), m.direction(), m.statements().size(), took.toMillis());
  }

  private void runJava(Connection c, PlannedMigration m, JavaMigration code, long rank, Instant start)
      throws SQLException {
    JavaMigrationContext context = new JavaMigrationContext(c, schema);
    boolean transactional = m.transactional();
    c.setAutoCommit(!transactional);
    if (!transactional) {
      history.append(c, entry(m, rank, false, 0, start));
    }
    try {
      if (m.direction() == Direction.UP) {
        code.up(context);
      } else {
        code.down(context);
      }
      if (transactional) {
        history.append(c, entry(m, rank, true, 1, start));
        lock.verifyHeld();
        c.commit();
      } else {
        history.update(c, rank, 1, true, elapsed(start));
      }
    } catch (Exception e) {
      SQLException cause = e instanceof SQLException sql ? sql : new SQLException(e.toString(), e);
      try {
        if (transactional) {
          c.rollback();
          c.setAutoCommit(true);
          history.append(c, entry(m, rank, false, 0, start));
        } else {
          // What it changed may remain: failed, unless it resumes where it stopped by itself.
          history.update(c, rank, code.resumable() ? 0 : 1, false, elapsed(start));
        }
      } catch (SQLException cleanup) {
        cause.addSuppressed(cleanup);
      }
      throw transactional
          ? fail(m, null, cause, "The migration was rolled back: nothing of it is applied.", true)
          : code.resumable()
              ? fail(m, null, cause, "It resumes where it stopped: run the command again.", false)
              : fail(
              m,
              null,
              cause,
              "It ran outside a transaction, so what it changed before failing remains. Finish or"
                  + " undo that by hand, then run `strata repair --confirm` and run the command"
                  + " again.",
              false);
    } finally {
      c.setAutoCommit(true);
    }
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
      lock.verifyHeld();
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
      throw fail(m, failing, e, "The migration was rolled back: nothing of it is applied.", true);
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
        if (done > 0) {
          lock.verifyHeld();
        }
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
              ? "No statement of it completed, so nothing of it is applied."
              : "This database cannot roll back DDL: statements 1-" + done + " of " + total
                  + " were applied and remain. Finish or undo them by hand, then run `strata"
                  + " repair --confirm` and run the command again.";
      throw fail(m, done < total ? m.statements().get(done) : null, e, state, done == 0);
    }
  }

  private void execute(Connection c, PlannedMigration m, int index, SqlStatement s)
      throws SQLException {
    listener.onEvent(new StrataEvent.StatementStarted(m, index, s));
    if (cancellation.requested()) {
      throw new SQLException("stopped on request before statement " + index);
    }
    try (Statement jdbc = c.createStatement()) {
      cancellation.running(jdbc);
      try {
        dialect.execute(jdbc, s);
      } finally {
        cancellation.finished(jdbc);
      }
    }
  }

  /**
   * The exception for a failed or stopped step; {@code clean} says nothing of it remained, so
   * the advice is to run again (after fixing the script, unless it was stopped on request).
   */
  private StrataException fail(
      PlannedMigration m, @Nullable SqlStatement failing, SQLException e, String state, boolean clean) {
    int line = failing == null ? 1 : failing.line();
    String where = m.origin() + ":" + line;
    String verb = m.direction() == Direction.UP ? "Applying " : "Reverting ";
    if (cancellation.requested()) {
      return new CancelledException(
          "Stopped on request while " + verb.toLowerCase(Locale.ROOT) + m.id() + " at " + where
              + ". " + state + (clean ? " Run the command again to continue." : ""),
          e);
    }
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
                + state
                + (clean ? " Fix the script and run the command again." : ""),
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
