package dev.strata.core.internal.command;

import dev.strata.api.CancelledException;
import dev.strata.api.Direction;
import dev.strata.api.DownRequest;
import dev.strata.api.ExecutedMigration;
import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationId;
import dev.strata.api.PlannedMigration;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.cancel.Cancellation;
import dev.strata.core.internal.discovery.Discovery;
import dev.strata.core.internal.execute.Executor;
import dev.strata.core.internal.execute.StatementLimits;
import dev.strata.core.internal.execute.Step;
import dev.strata.core.internal.execute.StepRenderer;
import dev.strata.core.internal.history.Run;
import dev.strata.core.internal.lock.HeldLock;
import dev.strata.core.internal.lock.LockGuard;
import dev.strata.core.internal.lock.LockSettings;
import dev.strata.core.internal.lock.LockTarget;
import dev.strata.core.internal.plan.DownPlanner;
import dev.strata.core.internal.plan.PlanSettings;
import dev.strata.core.internal.plan.Planner;
import dev.strata.core.internal.plan.Reconciliation;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.core.internal.session.Session;
import dev.strata.core.internal.session.Sessions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every command works with: sessions on the database, the migrations, the lock and the
 * settings, and the commands running now (for {@link #cancelAll}). One per {@code Strata};
 * immutable but for that set, and thread-safe.
 */
public final class Engine {
  private final Sessions sessions;
  private final Discovery discovery;
  private final LockSettings lock;
  private final PlanSettings plan;
  private final StatementLimits limits;
  private final @Nullable LintSeverity lintGate;
  private final StrataListener listener;
  private final Clock clock;
  private final String version;
  private final @Nullable String release;
  private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
  private final Set<Engine> following = ConcurrentHashMap.newKeySet();

  /**
   * @param lintGate the severity at which {@code migrate} refuses to run a finding, {@code null} to
   *     lint nothing first
   * @param version Strata's version, as history rows record it
   * @param release the release label every run records ({@code strata.release}), {@code null} for
   *     none
   */
  public Engine(
      Sessions sessions,
      Discovery discovery,
      LockSettings lock,
      PlanSettings plan,
      StatementLimits limits,
      @Nullable LintSeverity lintGate,
      StrataListener listener,
      Clock clock,
      String version,
      @Nullable String release) {
    this.sessions = sessions;
    this.discovery = discovery;
    this.lock = lock;
    this.plan = plan;
    this.limits = limits;
    this.lintGate = lintGate;
    this.listener = listener;
    this.clock = clock;
    this.version = version;
    this.release = release;
  }

  /**
   * Stops every command running now (see {@code Strata#cancel}), those of engines working for one
   * of them ({@link #following}) included.
   */
  public void cancelAll() {
    running.forEach(Cancellation::cancel);
    following.forEach(Engine::cancelAll);
  }

  /**
   * Runs {@code work}, which drives {@code helper} (diff's engine on its shadow), so that {@link
   * #cancelAll()} stops the helper's commands too: a stopped diff must not leave its shadow's
   * migration running past the process's grace period, and with it the shadow undropped.
   */
  <T> T following(Engine helper, Supplier<T> work) {
    following.add(helper);
    try {
      return work.get();
    } finally {
      following.remove(helper);
    }
  }

  Discovery discovery() {
    return discovery;
  }

  StrataListener listener() {
    return listener;
  }

  LockSettings lockSettings() {
    return lock;
  }

  PlanSettings planSettings() {
    return plan;
  }

  @Nullable LintSeverity lintGate() {
    return lintGate;
  }

  interface SessionWork<T> {
    T run(Session session) throws SQLException;
  }

  interface LockedWork<T> {
    T run(Session session, LockGuard lock) throws SQLException;
  }

  interface CancellableWork<T> {
    T run(Cancellation cancellation);
  }

  /** Runs {@code work} on a session of its own, which is closed afterwards. */
  <T> T withSession(SessionWork<T> work) {
    try (Session s = sessions.open()) {
      return work.run(s);
    } catch (SQLException e) {
      throw sessions.connector().failed("A query on", e);
    }
  }

  /** Runs {@code work} so that {@link #cancelAll()} can stop it from its first step. */
  <T> T cancellable(CancellableWork<T> work) {
    Cancellation cancellation = new Cancellation();
    running.add(cancellation);
    try {
      return work.run(cancellation);
    } finally {
      running.remove(cancellation);
    }
  }

  /**
   * Takes the lock, then opens the session that works under it: a replica waiting for the lock
   * holds one connection, not two.
   */
  <T> T underLock(LockTarget target, Cancellation cancellation, LockedWork<T> work) {
    cancellation.check("taking the migration lock; nothing was applied");
    try (HeldLock held = take(target, cancellation)) {
      LockGuard guard = held.guard();
      return withSession(
          s -> {
            held.confirmAlongside(s.connection());
            return work.run(s, guard);
          });
    } catch (SQLException e) {
      if (cancellation.requested()) {
        throw new CancelledException(
            "Stopped on request while waiting for the migration lock; nothing was applied.", e);
      }
      throw sessions.connector().failed("Taking or releasing the migration lock on", e);
    }
  }

  /** The lock of {@code session}'s history table, for work done on that session itself. */
  HeldLock lock(Session session) throws SQLException {
    HeldLock held = take(session.lockTarget(), new Cancellation());
    try {
      held.confirmAlongside(session.connection());
    } catch (SQLException | RuntimeException e) {
      try {
        held.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return held;
  }

  private HeldLock take(LockTarget target, Cancellation cancellation) throws SQLException {
    return HeldLock.take(sessions.connector(), lock, target, listener, cancellation);
  }

  /** Sources against the history, for commands that report the status of each migration. */
  Reconciliation reconcile(Session s, List<SourceMigration> sources) throws SQLException {
    return Planner.reconcile(sources, s.history().read(s.connection()), plan);
  }

  /**
   * What {@code down} reverts of {@code sources}, from one read of the history.
   *
   * @param pinnedRun see {@link DownPlanner#select}
   */
  DownPlanner.Selection selectDown(
      Session s, List<SourceMigration> sources, DownRequest request, @Nullable String pinnedRun)
      throws SQLException {
    List<HistoryEntry> history = s.history().read(s.connection());
    return DownPlanner.select(
        Planner.reconcile(sources, history, plan), history, request, pinnedRun);
  }

  /**
   * Says which repeatable migrations the reverted runs applied: they stay, having no down scripts.
   */
  void reportKeptRepeatables(DownPlanner.Selection selection) {
    for (HistoryEntry r : selection.repeatables()) {
      listener.onEvent(
          new StrataEvent.Warning(
              r.script(),
              r.id()
                  + " was applied again by what is being reverted and is not reverted:"
                  + " repeatable migrations have no down scripts; it stays as last applied"));
    }
  }

  /**
   * The same for {@code migrate}, which uses only what is pending and the problems: the history is
   * read without its audit columns, and no status rows are built.
   */
  Reconciliation pending(Session s, List<SourceMigration> sources) throws SQLException {
    return Planner.pending(sources, s.history().readForPlanning(s.connection()), plan);
  }

  List<Step> render(Session s, List<SourceMigration> migrations, Direction direction) {
    return migrations.stream()
        .map(m -> StepRenderer.render(s.dialect(), m, direction, listener::onEvent))
        .toList();
  }

  static List<PlannedMigration> planned(List<Step> steps) {
    return steps.stream().map(Step::planned).toList();
  }

  /** A new run of a command that changes the database, with the configured release label. */
  Run newRun() {
    return Run.start(release);
  }

  /** Runs {@code steps} in order, each recorded as the next history row, all of one new run. */
  List<ExecutedMigration> execute(
      Session s, LockGuard guard, Cancellation cancellation, List<Step> steps) throws SQLException {
    List<ExecutedMigration> done = new ArrayList<>();
    if (steps.isEmpty()) {
      return done;
    }
    s.history().addColumnsIfAbsent(s.connection());
    Executor executor = new Executor(s, guard, cancellation, listener, clock, limits, newRun());
    long rank = s.history().nextRank(s.connection());
    for (Step step : steps) {
      done.add(executor.run(step, rank++));
    }
    return done;
  }

  /** A successful history row written by a command itself (baseline, repair). */
  HistoryEntry row(
      Session s,
      Run run,
      long rank,
      MigrationId id,
      HistoryAction action,
      String script,
      @Nullable String checksum)
      throws SQLException {
    return new HistoryEntry(
        rank,
        id,
        action,
        script,
        checksum,
        true,
        0,
        s.user(),
        clock.instant(),
        0,
        version,
        run.id(),
        run.release());
  }

  static void refuseOnProblems(String command, List<ValidationProblem> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(
          command
              + " changed nothing: sources and history disagree ("
              + problems.size()
              + " problem"
              + (problems.size() == 1 ? "" : "s")
              + "):",
          problems);
    }
  }
}
