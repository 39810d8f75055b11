package dev.strata.core;

import dev.strata.api.BaselineResult;
import dev.strata.api.CancelledException;
import dev.strata.api.ConfigurationException;
import dev.strata.api.DatabaseAccessException;
import dev.strata.api.Direction;
import dev.strata.api.DownRequest;
import dev.strata.api.DownResult;
import dev.strata.api.ExecutedMigration;
import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.JavaMigration;
import dev.strata.api.LintFailedException;
import dev.strata.api.LintReport;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationPlan;
import dev.strata.api.MigrationState;
import dev.strata.api.MigrationVersion;
import dev.strata.api.PlannedMigration;
import dev.strata.api.RepairResult;
import dev.strata.api.StatusReport;
import dev.strata.api.StrataListener;
import dev.strata.api.ValidateResult;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.adopt.Adoption;
import dev.strata.core.internal.adopt.ForeignHistory;
import dev.strata.core.internal.discovery.Catalog;
import dev.strata.core.internal.discovery.JavaMigrations;
import dev.strata.core.internal.discovery.SourceResolver;
import dev.strata.core.internal.discovery.SourceScan;
import dev.strata.core.internal.execute.Cancellation;
import dev.strata.core.internal.execute.Executor;
import dev.strata.core.internal.execute.LockGuard;
import dev.strata.core.internal.execute.Step;
import dev.strata.core.internal.jdbc.DialectResolver;
import dev.strata.core.internal.lint.Linter;
import dev.strata.core.internal.plan.DownPlanner;
import dev.strata.core.internal.plan.PlanSettings;
import dev.strata.core.internal.plan.Planner;
import dev.strata.core.internal.plan.Reconciliation;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.core.internal.plugin.InstalledProviders;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Strata's entry point: runs migration commands against one database. Immutable and thread-safe;
 * every command opens its own connections and closes them before it returns, so one instance may
 * serve concurrent calls (they serialise on the database's migration lock).
 *
 * <pre>{@code
 * MigrateResult result = Strata.configure()
 *     .dataSource(dataSource)
 *     .sources("filesystem:/migrations")
 *     .load()
 *     .migrate();
 * }</pre>
 */
public final class Strata {
  /** Read once per class loader, not per instance: every replica start creates a Strata. */
  private static final String ENGINE_VERSION = engineVersion();

  private final StrataConfiguration config;
  private final StrataListener listener;
  private final DialectResolver dialects;
  private final SourceResolver sourceResolver;
  private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
  private final List<JavaMigration> javaMigrations;

  Strata(StrataConfiguration config) {
    this.config = config;
    this.listener = event -> config.listeners().forEach(l -> l.onEvent(event));
    this.dialects = new DialectResolver(config.dialectProviders(), config.classLoader());
    this.sourceResolver = SourceResolver.load(config.sourceProviders(), config.classLoader());
    List<JavaMigration> java = new ArrayList<>(config.javaMigrations());
    java.addAll(InstalledProviders.of(JavaMigration.class, config.classLoader()));
    this.javaMigrations = List.copyOf(java);
  }

  /**
   * Stops every command running on this instance, from any thread (a SIGTERM handler): the running
   * statement is cancelled, its migration rolled back where the database allows and recorded, the
   * lock released; each stopped command throws {@link CancelledException}. Commands started
   * afterwards run normally.
   */
  public void cancel() {
    running.forEach(Cancellation::cancel);
  }

  /** Starts a configuration. */
  public static StrataConfiguration.Builder configure() {
    return new StrataConfiguration.Builder();
  }

  public StrataConfiguration configuration() {
    return config;
  }

  /** The Strata version, as recorded in the history table. */
  public String version() {
    return ENGINE_VERSION;
  }

  /**
   * Applies every pending migration in version order, then changed repeatable ones. When nothing is
   * pending it returns without taking the lock.
   *
   * @throws ValidationException when sources and history disagree; nothing is applied
   * @throws dev.strata.api.MigrationFailedException when a statement fails
   * @throws dev.strata.api.LockTimeoutException when another migrator holds the lock too long
   */
  public MigrateResult migrate() {
    Cancellation cancellation = begin();
    try {
      return migrate(cancellation);
    } finally {
      running.remove(cancellation);
    }
  }

  private MigrateResult migrate(Cancellation cancellation) {
    long started = System.nanoTime();
    List<SourceMigration> sources = new ArrayList<>();
    CheckedSteps checked = new CheckedSteps(Direction.UP);
    // Files are read while the connection opens: the two take about as long on a first start.
    SourceScan.Pending scan = SourceScan.start(this::sources);
    @Nullable LockTarget target =
        withSession(
            s -> {
              sources.addAll(discover(s, scan.join()));
              Reconciliation r = reconcileForMigrate(s, sources);
              // Without the lock, a row that looks failed may be another migrator's work in
              // progress on a database without transactional DDL: only the lock tells, so that
              // case goes on to take it.
              boolean maybeInProgress =
                  r.problems().stream().anyMatch(p -> p.kind() == ValidationProblem.Kind.FAILED);
              if (!maybeInProgress) {
                refuseOnProblems("migrate", r.problems());
                if (r.pending().isEmpty()) {
                  return null;
                }
              }
              if (config.lintGate() != null) {
                LintReport report =
                    new Linter(s.dialect.lintRules())
                        .lint(r.pending(), checked.check(s.dialect, r.pending()));
                if (report.hasAtLeast(config.lintGate())) {
                  throw new LintFailedException(config.lintGate(), report);
                }
              }
              if (tableBeforeLock(s)) {
                checked.check(
                    s.dialect, r.pending()); // a script that does not parse changes nothing
                s.history.createIfAbsent(s.connection);
              }
              return LockTarget.of(s, config.table());
            });
    if (target == null) {
      return new MigrateResult(List.of(), false, millisSince(started));
    }
    List<ExecutedMigration> applied =
        underLock(
            target,
            cancellation,
            s -> {
              Reconciliation current =
                  reconcileForMigrate(s, sources); // another migrator may have done the work
              refuseOnProblems("migrate", current.problems());
              // Every pending script parses before the table is created or anything runs.
              List<Step> steps = checked.take(s.dialect, current.pending(), listener);
              if (!steps.isEmpty() && !tableBeforeLock(s)) {
                s.history.createIfAbsent(s.connection);
              }
              return execute(s, steps);
            });
    return new MigrateResult(applied, true, millisSince(started));
  }

  /**
   * Lints the pending migrations (those {@code migrate} would apply, every phase), through the
   * dialect's parser; changes nothing.
   */
  public LintReport lint() {
    return withSession(
        s -> {
          Reconciliation r =
              Planner.reconcile(
                  discover(s),
                  s.history.read(s.connection),
                  new PlanSettings(config.target(), true, null));
          return lint(s, r.pending());
        });
  }

  private LintReport lint(Session s, List<SourceMigration> pending) {
    return new Linter(s.dialect.lintRules())
        .lint(pending, planned(render(s, pending, Direction.UP)));
  }

  /** What {@link #migrate()} would do, statements included; changes nothing and takes no lock. */
  public MigrationPlan plan() {
    return withSession(
        s -> {
          Reconciliation r = reconcile(s, discover(s));
          return new MigrationPlan(
              Direction.UP, planned(render(s, r.pending(), Direction.UP)), r.problems());
        });
  }

  /** What {@link #down(DownRequest)} would do; changes nothing and takes no lock. */
  public MigrationPlan planDown(DownRequest request) {
    return withSession(
        s -> {
          DownPlanner.Selection sel =
              DownPlanner.select(reconcile(s, discover(s)), request.steps(), request.to());
          return new MigrationPlan(
              Direction.DOWN, planned(render(s, sel.steps(), Direction.DOWN)), sel.problems());
        });
  }

  /**
   * Reverts the newest applied migrations with their down scripts, newest first.
   *
   * @throws ValidationException changing nothing, when a needed down script is missing or sources
   *     and history disagree
   */
  public DownResult down(DownRequest request) {
    Cancellation cancellation = begin();
    try {
      return down(request, cancellation);
    } finally {
      running.remove(cancellation);
    }
  }

  private DownResult down(DownRequest request, Cancellation cancellation) {
    long started = System.nanoTime();
    List<SourceMigration> sources = new ArrayList<>();
    CheckedSteps checked = new CheckedSteps(Direction.DOWN);
    @Nullable LockTarget target =
        withSession(
            s -> {
              sources.addAll(discover(s));
              DownPlanner.Selection sel =
                  DownPlanner.select(reconcile(s, sources), request.steps(), request.to());
              refuseOnProblems("down", sel.problems());
              if (sel.steps().isEmpty()) {
                return null;
              }
              checked.check(s.dialect, sel.steps());
              return LockTarget.of(s, config.table());
            });
    if (target == null) {
      return new DownResult(List.of(), millisSince(started));
    }
    List<ExecutedMigration> reverted =
        underLock(
            target,
            cancellation,
            s -> {
              DownPlanner.Selection current =
                  DownPlanner.select(reconcile(s, sources), request.steps(), request.to());
              refuseOnProblems("down", current.problems());
              return execute(s, checked.take(s.dialect, current.steps(), listener));
            });
    return new DownResult(reverted, millisSince(started));
  }

  /** One row per migration with its state; changes nothing. */
  public StatusReport status() {
    return withSession(s -> new StatusReport(reconcile(s, discover(s)).status()));
  }

  /**
   * Every difference between sources and history; changes nothing.
   *
   * @param requireUpToDate whether pending migrations count as differences
   */
  public ValidateResult validate(boolean requireUpToDate) {
    return withSession(
        s -> {
          Reconciliation r = reconcile(s, discover(s));
          List<ValidationProblem> problems = new ArrayList<>(r.problems());
          if (requireUpToDate) {
            for (SourceMigration p : r.pending()) {
              problems.add(
                  new ValidationProblem(
                      ValidationProblem.Kind.PENDING,
                      p.id().version(),
                      p.id().description(),
                      p.id() + " (" + p.up().origin() + ") is pending; run `strata migrate`"));
            }
          }
          return new ValidateResult(problems);
        });
  }

  /**
   * Clears failed attempts and accepts the edited sources of applied migrations, recording both in
   * the history table. Run it only after fixing the database by hand.
   */
  public RepairResult repair() {
    return withSession(
        s -> {
          List<SourceMigration> sources = discover(s);
          if (!s.history.exists(s.connection)) {
            return new RepairResult(List.of(), List.of());
          }
          List<MigrationId> cleared = new ArrayList<>();
          List<MigrationId> realigned = new ArrayList<>();
          try (HeldLock lock =
              HeldLock.take(config, LockTarget.of(s, config.table()), listener, s.cancellation)) {
            Reconciliation r = reconcile(s, sources);
            long rank = s.history.nextRank(s.connection);
            for (MigrationInfo info : r.status()) {
              if (info.state() == MigrationState.FAILED) {
                s.history.append(
                    s.connection,
                    row(rank++, info.id(), HistoryAction.CLEAR_FAILED, originOf(info), null, s));
                cleared.add(info.id());
              } else if (info.state() == MigrationState.EDITED) {
                String checksum =
                    sources.stream()
                        .filter(m -> m.id().equals(info.id()))
                        .findFirst()
                        .map(SourceMigration::checksum)
                        .orElseThrow();
                s.history.append(
                    s.connection,
                    row(
                        rank++,
                        info.id(),
                        HistoryAction.REALIGN_CHECKSUM,
                        originOf(info),
                        checksum,
                        s));
                realigned.add(info.id());
              }
            }
          }
          return new RepairResult(cleared, realigned);
        });
  }

  /**
   * Adopts an existing database: versions up to and including {@code version} count as applied from
   * now on and are never run.
   *
   * @throws ConfigurationException when the history table already records migrations
   */
  public BaselineResult baseline(MigrationVersion version) {
    return withSession(
        s -> {
          s.history.createIfAbsent(s.connection);
          try (HeldLock lock =
              HeldLock.take(config, LockTarget.of(s, config.table()), listener, s.cancellation)) {
            refuseUnlessHistoryIsEmpty(s, "baseline");
            s.history.append(
                s.connection,
                row(
                    1,
                    new MigrationId(version, "<< baseline >>"),
                    HistoryAction.BASELINE,
                    "",
                    null,
                    s));
          }
          return new BaselineResult(version, List.of());
        });
  }

  /**
   * Adopts a database another tool migrated ({@code drizzle}, {@code flyway}, {@code
   * golang-migrate}, {@code goose}, {@code dbmate}, {@code sqlx}, {@code diesel}, {@code prisma}):
   * the migrations that tool applied are matched with the sources and recorded as baselined, with
   * their checksums, so that nothing runs twice. A source older than the newest one the tool
   * applied, which the tool never applied but would still apply, stays pending; a {@link
   * dev.strata.api.StrataEvent.Warning} names each. The other tool's table is only read.
   *
   * @throws ConfigurationException when the tool is unknown or its table holds nothing
   * @throws ValidationException changing nothing, when its records and the sources disagree
   */
  public BaselineResult baselineFrom(String tool) {
    ForeignHistory foreign =
        ForeignHistory.all().stream()
            .filter(f -> f.tool().equals(tool))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "Unknown tool '"
                            + tool
                            + "' for baseline --from; known: "
                            + ForeignHistory.all().stream().map(ForeignHistory::tool).toList()));
    return withSession(
        s -> {
          List<SourceMigration> sources = discover(s);
          Adoption adoption =
              foreign.adopt(s.connection, s.dialect, s.schema, sources, config.outOfOrder());
          List<SourceMigration> adopted = adoption.applied();
          if (adopted.isEmpty()) {
            throw new ConfigurationException(
                "Found no "
                    + tool
                    + " history in schema "
                    + s.schema
                    + " to adopt; check --url and --schema");
          }
          MigrationVersion newest =
              adopted.stream()
                  .map(m -> m.id().version())
                  .filter(java.util.Objects::nonNull)
                  .max(MigrationVersion::compareTo)
                  .orElseThrow();
          s.history.createIfAbsent(s.connection);
          try (HeldLock lock =
              HeldLock.take(config, LockTarget.of(s, config.table()), listener, s.cancellation)) {
            refuseUnlessHistoryIsEmpty(s, "baseline --from " + tool);
            long rank = 1;
            if (adoption.skipsOlder()) {
              // Written first, so that the adopted row of the same version, with its checksum,
              // is the one that counts for it.
              s.history.append(
                  s.connection,
                  row(
                      rank++,
                      new MigrationId(newest, "<< baseline >>"),
                      HistoryAction.BASELINE,
                      "",
                      null,
                      s));
            }
            for (SourceMigration m : adopted) {
              s.history.append(
                  s.connection,
                  row(rank++, m.id(), HistoryAction.BASELINE, m.up().origin(), m.checksum(), s));
            }
          }
          adoption.warnings(tool, newest, config.outOfOrder()).forEach(listener::onEvent);
          return new BaselineResult(newest, adopted.stream().map(SourceMigration::id).toList());
        });
  }

  private static void refuseUnlessHistoryIsEmpty(Session s, String command) throws SQLException {
    List<HistoryEntry> history = s.history.read(s.connection);
    if (!history.isEmpty()) {
      throw new ConfigurationException(
          "Cannot "
              + command
              + " "
              + s.history.qualifiedName()
              + ": it already records "
              + history.size()
              + " row(s). Baseline adopts a database Strata has never"
              + " migrated; use `strata status` to see where this one stands");
    }
  }

  /** The audit trail, oldest first; empty when the history table does not exist. */
  public List<HistoryEntry> history() {
    return withSession(s -> s.history.read(s.connection));
  }

  private interface SessionWork<T> {
    T run(Session session) throws SQLException;
  }

  private <T> T withSession(SessionWork<T> work) {
    try (Session s = Session.open(config, dialects, ENGINE_VERSION)) {
      return work.run(s);
    } catch (SQLException e) {
      throw new DatabaseAccessException(
          "A query on "
              + config.displayUrl()
              + " failed: "
              + config.maskSecrets(String.valueOf(e.getMessage()))
              + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"),
          e);
    }
  }

  /**
   * Whether {@code migrate} creates the history table before taking the lock: when the lock needs
   * it, and in lease mode, whose lock table lives in the history's schema. Otherwise the table is
   * created under the lock, and the pending scripts are parsed only there: racing migrators that
   * find the work done once they hold the lock parse nothing.
   */
  private boolean tableBeforeLock(Session s) {
    return s.dialect.lockNeedsHistoryTable()
        || config.lockMode() == StrataConfiguration.LockMode.LEASE;
  }

  private List<SourceMigration> discover(Session s) {
    return discover(s, SourceScan.of(sources()));
  }

  private List<SourceMigration> discover(Session s, SourceScan scan) {
    return Catalog.discover(
        scan,
        JavaMigrations.resolve(javaMigrations),
        s.dialect.name(),
        s.dialect.fileTags(),
        listener::onEvent);
  }

  private List<MigrationSource> sources() {
    return sourceResolver.resolve(
        config.sources(), new SourceSettings(config.ignore(), config.classLoader()));
  }

  private Reconciliation reconcile(Session s, List<SourceMigration> sources) throws SQLException {
    return Planner.reconcile(
        sources,
        s.history.read(s.connection),
        new PlanSettings(config.target(), config.outOfOrder(), config.phase()));
  }

  /**
   * The same for {@code migrate}, which uses only what is pending and the problems: the history is
   * read without its audit columns, and no status rows are built.
   */
  private Reconciliation reconcileForMigrate(Session s, List<SourceMigration> sources)
      throws SQLException {
    return Planner.reconcile(
        sources,
        s.history.readForPlanning(s.connection),
        new PlanSettings(config.target(), config.outOfOrder(), config.phase(), false));
  }

  private static List<PlannedMigration> planned(List<Step> steps) {
    return steps.stream().map(Step::planned).toList();
  }

  private List<Step> render(Session s, List<SourceMigration> migrations, Direction direction) {
    return migrations.stream()
        .map(m -> StepRenderer.render(s.dialect, m, direction, listener::onEvent))
        .toList();
  }

  /** A cancellation for one command, reachable by {@link #cancel()} from its first step. */
  private Cancellation begin() {
    Cancellation cancellation = new Cancellation();
    running.add(cancellation);
    return cancellation;
  }

  /**
   * Takes the lock, then opens the session that works under it: a replica waiting for the lock
   * holds one connection, not two.
   */
  private <T> T underLock(LockTarget target, Cancellation cancellation, SessionWork<T> work) {
    cancellation.check("taking the migration lock; nothing was applied");
    try (HeldLock lock = HeldLock.take(config, target, listener, cancellation)) {
      LockGuard guard = lock.guard();
      return withSession(s -> work.run(s.under(guard, cancellation)));
    } catch (SQLException e) {
      if (cancellation.requested()) {
        throw new CancelledException(
            "Stopped on request while waiting for the migration lock; nothing was applied.", e);
      }
      throw new DatabaseAccessException(
          "Taking or releasing the migration lock on "
              + config.displayUrl()
              + " failed: "
              + config.maskSecrets(String.valueOf(e.getMessage())),
          e);
    }
  }

  private List<ExecutedMigration> execute(Session s, List<Step> steps) throws SQLException {
    List<ExecutedMigration> done = new ArrayList<>();
    Executor executor =
        new Executor(
            s.dialect,
            s.history,
            listener,
            s.user(),
            config.clock(),
            s.cancellation,
            s.schema,
            s.lock,
            s.connection,
            config.ddlLockTimeout(),
            config.statementTimeout());
    long rank = s.history.nextRank(s.connection);
    for (Step step : steps) {
      done.add(executor.run(s.connection, step, rank++));
    }
    return done;
  }

  private static void refuseOnProblems(String command, List<ValidationProblem> problems) {
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

  private static String originOf(MigrationInfo info) {
    return info.origin() == null ? "" : info.origin();
  }

  private HistoryEntry row(
      long rank, MigrationId id, HistoryAction action, String script, String checksum, Session s)
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
        config.clock().instant(),
        0,
        ENGINE_VERSION);
  }

  private static String engineVersion() {
    Properties p = new Properties();
    try (InputStream in = Strata.class.getResourceAsStream("strata.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // The version is informational; a build without the resource records "unknown".
    }
    return p.getProperty("version", "unknown");
  }

  /**
   * Milliseconds since {@code started}, a {@link System#nanoTime()} reading: immune to clock steps.
   */
  private static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
