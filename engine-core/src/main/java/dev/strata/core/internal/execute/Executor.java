package dev.strata.core.internal.execute;

import dev.strata.api.CancelledException;
import dev.strata.api.Direction;
import dev.strata.api.ExecutedMigration;
import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.JavaMigration;
import dev.strata.api.JavaMigrationContext;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.PlannedMigration;
import dev.strata.api.SqlStatement;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataException;
import dev.strata.api.StrataListener;
import dev.strata.core.internal.cancel.Cancellation;
import dev.strata.core.internal.history.HistoryStore;
import dev.strata.core.internal.history.Run;
import dev.strata.core.internal.lock.LockGuard;
import dev.strata.core.internal.session.Session;
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
 * Runs one planned migration and records it. Where the database has transactional DDL the migration
 * and its history row commit together, so a failure leaves nothing behind. Otherwise the history
 * row is written first as failed and updated after every statement, so a crash or failure is
 * visible as "statements 1-2 of 4 applied" instead of silently half-applied.
 */
public final class Executor {
  private final Connection connection;
  private final Dialect dialect;
  private final HistoryStore history;
  private final StrataListener listener;
  private final String installedBy;
  private final Clock clock;
  private final Cancellation cancellation;
  private final String schema;
  private final LockGuard lock;
  private final MigrationSession session;
  private final Run run;
  private boolean described;
  private @Nullable String sessionInfo;

  /**
   * @param lock checked before each commit and statement; where it has a connection of its own, the
   *     rows of migrations run outside a transaction are written there
   * @param run the command's run, which every row it writes records
   */
  public Executor(
      Session session,
      LockGuard lock,
      Cancellation cancellation,
      StrataListener listener,
      Clock clock,
      StatementLimits limits,
      Run run)
      throws SQLException {
    this.connection = session.connection();
    this.run = run;
    this.lock = lock;
    this.session =
        new MigrationSession(session, limits.ddlLockTimeout(), limits.statementTimeout());
    this.dialect = session.dialect();
    this.schema = session.schema();
    this.cancellation = cancellation;
    this.history = session.history();
    this.listener = listener;
    this.installedBy = session.user();
    this.clock = clock;
  }

  /** Runs {@code step}, recording it as history row {@code rank}. */
  public ExecutedMigration run(Step step, long rank) throws SQLException {
    Connection c = connection;
    PlannedMigration m = step.planned();
    cancellation.check(m.id().toString());
    lock.verifyHeld();
    session.before(step);
    listener.onEvent(new StrataEvent.MigrationStarted(m));
    Instant start = clock.instant();
    if (step.code() != null) {
      runJava(c, step, step.code(), rank, start);
    } else if (m.transactional()) {
      runInTransaction(c, step, rank, start);
    } else {
      runStatementByStatement(c, step, rank, start);
    }
    Duration took = Duration.between(start, clock.instant());
    listener.onEvent(new StrataEvent.MigrationCompleted(m, took));
    return new ExecutedMigration(m.id(), m.direction(), m.statements().size(), took.toMillis());
  }

  private void runJava(Connection c, Step step, JavaMigration code, long rank, Instant start)
      throws SQLException {
    PlannedMigration m = step.planned();
    JavaMigrationContext context = new JavaMigrationContext(c, schema, dialect::quote);
    boolean transactional = m.transactional();
    Connection rows = transactional ? c : progressConnection(c);
    c.setAutoCommit(!transactional);
    if (!transactional) {
      history.append(rows, entry(m, rank, false, 0, start), describe(c));
    }
    try {
      if (m.direction() == Direction.UP) {
        code.up(context);
      } else {
        code.down(context);
      }
      session.reset(step);
      if (transactional) {
        history.append(c, entry(m, rank, true, 1, start), describe(c));
        lock.verifyHeld();
        c.commit();
      } else {
        history.update(rows, rank, 1, true, elapsed(start));
      }
    } catch (Exception e) {
      SQLException cause = e instanceof SQLException sql ? sql : new SQLException(e.toString(), e);
      try {
        if (transactional) {
          c.rollback();
          c.setAutoCommit(true);
          history.append(c, entry(m, rank, false, 0, start), describe(c));
        } else {
          // What it changed may remain: failed, unless it resumes where it stopped by itself.
          history.update(rows, rank, code.resumable() ? 0 : 1, false, elapsed(start));
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
                      + " undo that by hand, then run `repair` and run the command"
                      + " again.",
                  false);
    } finally {
      restoreAutoCommit(c);
    }
  }

  private void runInTransaction(Connection c, Step step, long rank, Instant start)
      throws SQLException {
    PlannedMigration m = step.planned();
    c.setAutoCommit(false);
    int done = 0;
    try {
      for (SqlStatement s : m.statements()) {
        execute(c, m, done + 1, s);
        done++;
      }
      session.reset(step); // the row is written with the connection's own role and settings
      history.append(c, entry(m, rank, true, done, start), describe(c));
      lock.verifyHeld();
      c.commit();
    } catch (SQLException e) {
      SqlStatement failing = done < m.statements().size() ? m.statements().get(done) : null;
      try {
        c.rollback();
        c.setAutoCommit(true);
        history.append(c, entry(m, rank, false, 0, start), describe(c));
      } catch (SQLException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw fail(m, failing, e, "The migration was rolled back: nothing of it is applied.", true);
    } finally {
      restoreAutoCommit(c);
    }
  }

  /**
   * Runs a migration without a transaction. Its history row says, at every moment, how far it got:
   * {@code -k} while statement k runs (statements before it completed), {@code k} once k statements
   * completed and the next failed cleanly. So after a crash or a lost connection, a statement the
   * server may still have completed is never taken for one that did not run.
   *
   * <p>Under a session-level lock the row is written on the lock's connection, which the script
   * cannot touch: its {@code LOCK TABLES}, {@code SET ROLE} or {@code USE} would otherwise break
   * the next progress write. A write there also proves the lock held, so no separate check is made.
   */
  private void runStatementByStatement(Connection c, Step step, long rank, Instant start)
      throws SQLException {
    PlannedMigration m = step.planned();
    c.setAutoCommit(true);
    int total = m.statements().size();
    ScriptTransactions own =
        dialect.supportsTransactionalDdl()
            ? ScriptTransactions.of(m.statements())
            : ScriptTransactions.none(total);
    Connection rows = progressConnection(c);
    boolean onLock = rows != c;
    appendOrLoseLock(rows, onLock, entry(m, rank, false, total > 0 ? -1 : 0, start), describe(c));
    int done = 0;
    try (HistoryStore.Progress progress = history.progress(rows, rank)) {
      try {
        for (SqlStatement s : m.statements()) {
          if (done > 0) {
            if (!onLock) {
              lock.verifyHeld();
            }
            // Inside a transaction the script opened, the mark stays at its BEGIN: until its
            // COMMIT completes, nothing after that BEGIN is known to remain.
            if (own.openedBy(done) == 0) {
              recordOrLoseLock(progress, onLock, -(done + 1), false, start);
            }
          }
          execute(c, m, done + 1, s);
          done++;
        }
        session.reset(step);
        recordOrLoseLock(progress, onLock, done, true, start);
      } catch (SQLException e) {
        boolean lost = isConnectionLoss(c, e);
        int opened = done < total ? own.openedBy(done) : 0;
        if (!lost) { // the server refused the statement, or it never started: no effect
          // A failure inside the script's own transaction aborted it (a failed COMMIT too): end
          // it, so that what the statements before its BEGIN did is all that remains.
          if (opened != 0) {
            rollBackOpenTransaction(c, e);
          }
          int applied = applied(done, opened);
          try {
            progress.record(applied, false, elapsed(start));
          } catch (SQLException cleanup) {
            if (onLock) {
              // The lock's connection died with the lock; the migration's own connection can
              // still say that statement done + 1 never started.
              try {
                history.update(c, rank, applied, false, elapsed(start));
              } catch (SQLException again) {
                cleanup.addSuppressed(again);
              }
            }
            e.addSuppressed(cleanup);
          }
        }
        throw failedPart(m, e, done, total, lost, opened);
      }
    }
  }

  /**
   * Ends the script's transaction that a failed statement aborted, so that what the statements
   * before its {@code BEGIN} did is all that remains.
   */
  private static void rollBackOpenTransaction(Connection c, SQLException failure) {
    try (Statement rollback = c.createStatement()) {
      rollback.execute("ROLLBACK");
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * How many statements of a migration that stopped after {@code done} remain applied: those before
   * the {@code BEGIN} (statement {@code opened}) of the script's transaction it stopped in, else
   * all {@code done}.
   */
  private static int applied(int done, int opened) {
    return opened != 0 ? opened - 1 : done;
  }

  /** Where the rows of a migration run outside a transaction are written: see above. */
  private Connection progressConnection(Connection c) {
    Connection onLock = lock.connection();
    return onLock != null ? onLock : c;
  }

  private void appendOrLoseLock(
      Connection rows, boolean onLock, HistoryEntry entry, @Nullable String sessionInfo)
      throws SQLException {
    try {
      history.append(rows, entry, sessionInfo);
    } catch (SQLException e) {
      throw onLock ? lockLost(e) : e;
    }
  }

  private void recordOrLoseLock(
      HistoryStore.Progress progress,
      boolean onLock,
      int statements,
      boolean success,
      Instant start)
      throws SQLException {
    try {
      progress.record(statements, success, elapsed(start));
    } catch (SQLException e) {
      throw onLock ? lockLost(e) : e;
    }
  }

  /** A write on the lock's connection failed: the lock may be gone with it. */
  private static LockGuard.LockLostException lockLost(SQLException e) {
    return new LockGuard.LockLostException(
        "the migration lock was lost (writing progress on the lock's connection failed: "
            + e.getMessage()
            + "; terminated by the server?), so another migrator may hold it now; stopped before"
            + " running anything more",
        e);
  }

  /**
   * The error for a migration run statement by statement that stopped after {@code done}; {@code
   * opened} is the statement that opened the script's transaction the failing one ran in, or 0.
   */
  private StrataException failedPart(
      PlannedMigration m, SQLException e, int done, int total, boolean lost, int opened) {
    int applied = applied(done, opened);
    String state;
    if (lost) {
      state =
          opened != 0
              ? "The connection was lost inside the transaction the script opened at statement "
                  + opened
                  + " of "
                  + total
                  + ": statements 1-"
                  + applied
                  + " completed, and the server rolls that transaction back unless its COMMIT"
                  + " had reached it. Check which, finish or undo it by hand, then run `repair`"
                  + " and run the command again."
              : "The connection was lost while statement "
                  + (done + 1)
                  + " of "
                  + total
                  + " ran: statements 1-"
                  + done
                  + " completed and statement "
                  + (done + 1)
                  + " may have completed on the server too. Check it, finish or undo it by hand,"
                  + " then run `repair` and run the command again.";
    } else if (applied == 0) {
      state =
          opened != 0
              ? "The transaction the script opened at statement "
                  + opened
                  + " was rolled back, and no statement before it changed anything, so nothing"
                  + " of it is applied."
              : "No statement of it completed, so nothing of it is applied.";
    } else {
      state =
          (opened != 0
                  ? "The transaction the script opened at statement "
                      + opened
                      + " was rolled back; statements 1-"
                  : dialect.supportsTransactionalDdl()
                      ? "It ran without a transaction, so statements 1-"
                      : "This database cannot roll back DDL: statements 1-")
              + applied
              + " of "
              + total
              + " were applied and remain. Finish or undo them by hand, then run `repair`"
              + " and run the command again.";
    }
    return fail(m, done < total ? m.statements().get(done) : null, e, state, applied == 0 && !lost);
  }

  /**
   * Back to autocommit after a migration; on a connection that died meanwhile this fails, and the
   * migration's own outcome (already thrown, or about to be reported) must not be replaced by it.
   */
  private static void restoreAutoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException closed) {
      // The connection is gone; the next use reports that, with context, if there is one.
    }
  }

  /** What the dialect records about the session, read once (see Dialect.describeSession). */
  private @Nullable String describe(Connection c) throws SQLException {
    if (!described) {
      sessionInfo = dialect.describeSession(c);
      described = true;
    }
    return sessionInfo;
  }

  /** The statement's first line, at most 80 characters, to recognise it in an error. */
  private static String abridged(SqlStatement statement) {
    String first = statement.firstLine();
    return first.length() <= 80 ? first : first.substring(0, 77) + "...";
  }

  /** Whether {@code e} means the connection is gone, so a running statement's fate is unknown. */
  private static boolean isConnectionLoss(Connection c, SQLException e) {
    if (e instanceof LockGuard.LockLostException) {
      return false; // the lock's connection, not this one: the next statement never started
    }
    if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
      return true;
    }
    try {
      return !c.isValid(2);
    } catch (SQLException invalid) {
      return true;
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
      } catch (StackOverflowError e) {
        // An in-process driver (H2) parses recursively: a statement nested thousands deep
        // overflows this thread's stack. Report it as the statement's failure, not a crash.
        SQLException tooDeep =
            new SQLException(
                "the database's parser ran out of stack on this statement (nested too deeply);"
                    + " split or simplify it, or give the JVM a larger thread stack (-Xss)",
                "54001");
        tooDeep.initCause(e);
        throw tooDeep;
      } finally {
        cancellation.finished(jdbc);
      }
    }
  }

  /**
   * The exception for a failed or stopped step; {@code clean} says nothing of it remained, so the
   * advice is to run again (after fixing the script, unless it was stopped on request).
   */
  private StrataException fail(
      PlannedMigration m,
      @Nullable SqlStatement failing,
      SQLException e,
      String state,
      boolean clean) {
    int line = failing == null ? 1 : failing.line();
    String where = m.origin() + ":" + line;
    String verb = m.direction() == Direction.UP ? "Applying " : "Reverting ";
    if (cancellation.requested()) {
      return new CancelledException(
          "Stopped on request while "
              + verb.toLowerCase(Locale.ROOT)
              + m.id()
              + " at "
              + where
              + ". "
              + state
              + (clean ? " Run the command again to continue." : ""),
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
                + (failing == null ? "" : " (" + abridged(failing) + ")")
                + ": "
                + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                + ". "
                + state
                + (!clean
                    ? ""
                    : e instanceof LockGuard.LockLostException
                        ? " Run the command again."
                        : " Fix the script and run the command again."),
            e);
    listener.onEvent(new StrataEvent.MigrationFailed(m, error));
    return error;
  }

  private HistoryEntry entry(
      PlannedMigration m, long rank, boolean success, int done, Instant start) {
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
        "",
        run.id(),
        run.release());
  }

  private long elapsed(Instant start) {
    return Duration.between(start, clock.instant()).toMillis();
  }
}
