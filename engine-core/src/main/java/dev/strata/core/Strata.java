package dev.strata.core;

import dev.strata.api.BaselineResult;
import dev.strata.api.CancelledException;
import dev.strata.api.ConfigurationException;
import dev.strata.api.DownRequest;
import dev.strata.api.DownResult;
import dev.strata.api.HistoryEntry;
import dev.strata.api.JavaMigration;
import dev.strata.api.LintReport;
import dev.strata.api.LintSeverity;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationPlan;
import dev.strata.api.MigrationVersion;
import dev.strata.api.RepairResult;
import dev.strata.api.StatusReport;
import dev.strata.api.StrataListener;
import dev.strata.api.ValidateResult;
import dev.strata.api.ValidationException;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaModel;
import dev.strata.core.internal.command.Baseline;
import dev.strata.core.internal.command.Diff;
import dev.strata.core.internal.command.Down;
import dev.strata.core.internal.command.Engine;
import dev.strata.core.internal.command.Inspect;
import dev.strata.core.internal.command.Migrate;
import dev.strata.core.internal.command.Repair;
import dev.strata.core.internal.command.SchemaInspection;
import dev.strata.core.internal.discovery.Discovery;
import dev.strata.core.internal.discovery.SourceResolver;
import dev.strata.core.internal.execute.StatementLimits;
import dev.strata.core.internal.jdbc.Connector;
import dev.strata.core.internal.jdbc.DialectResolver;
import dev.strata.core.internal.jdbc.DriverManagerDataSource;
import dev.strata.core.internal.lock.LockSettings;
import dev.strata.core.internal.plan.PlanSettings;
import dev.strata.core.internal.plugin.InstalledProviders;
import dev.strata.core.internal.session.Sessions;
import dev.strata.spi.SourceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
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
  private final Engine engine;

  Strata(StrataConfiguration config) {
    this.config = config;
    this.engine = engine(config);
  }

  /** The engine's parts, each given the settings it uses and nothing else. */
  private static Engine engine(StrataConfiguration config) {
    StrataListener listener = event -> config.listeners().forEach(l -> l.onEvent(event));
    return engine(
        config,
        config.dataSource(),
        config.schema(),
        new PlanSettings(config.target(), config.outOfOrder(), config.phase()),
        config.lintGate(),
        listener);
  }

  private static Engine engine(
      StrataConfiguration config,
      DataSource dataSource,
      @Nullable String schema,
      PlanSettings plan,
      @Nullable LintSeverity lintGate,
      StrataListener listener) {
    List<JavaMigration> java = new ArrayList<>(config.javaMigrations());
    java.addAll(InstalledProviders.of(JavaMigration.class, config.classLoader()));
    return new Engine(
        new Sessions(
            new Connector(dataSource, config.displayUrl(), config::maskSecrets),
            new DialectResolver(config.dialectProviders(), config.classLoader()),
            config.dialect(),
            schema,
            config.table(),
            ENGINE_VERSION),
        new Discovery(
            SourceResolver.load(config.sourceProviders(), config.classLoader()),
            config.sources(),
            new SourceSettings(config.ignore(), config.classLoader()),
            java,
            listener),
        new LockSettings(
            config.lockTimeout(),
            config.lockMode() == StrataConfiguration.LockMode.LEASE
                ? config.leaseTimeToLive()
                : null,
            config.clock()),
        plan,
        new StatementLimits(config.ddlLockTimeout(), config.statementTimeout()),
        lintGate,
        listener,
        config.clock(),
        ENGINE_VERSION,
        config.release());
  }

  /**
   * Engines for diff's shadow: the configuration's sources, table and settings on another database,
   * applying the migrations up to a version and reporting nothing (the shadow's migrations are not
   * the user's).
   */
  private Diff.ShadowEngines shadows() {
    return new Diff.ShadowEngines() {
      @Override
      public Engine create(
          DataSource dataSource, @Nullable String schema, @Nullable MigrationVersion target) {
        return engine(
            config, dataSource, schema, new PlanSettings(target, false, null), null, e -> {});
      }

      @Override
      public boolean canConnect() {
        return config.dataSource() instanceof DriverManagerDataSource;
      }

      @Override
      public DataSource connect(String url) {
        return ((DriverManagerDataSource) config.dataSource()).withUrl(url);
      }

      @Override
      public DataSource live() {
        return config.dataSource();
      }
    };
  }

  /**
   * Stops every command running on this instance, from any thread (a SIGTERM handler): the running
   * statement is cancelled, its migration rolled back where the database allows and recorded, the
   * lock released; each stopped command throws {@link CancelledException}. Commands started
   * afterwards run normally.
   */
  public void cancel() {
    engine.cancelAll();
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
    return new Migrate(engine).run();
  }

  /**
   * Lints the pending migrations (those {@code migrate} would apply, every phase), through the
   * dialect's parser; changes nothing.
   */
  public LintReport lint() {
    return new Inspect(engine).lint();
  }

  /** What {@link #migrate()} would do, statements included; changes nothing and takes no lock. */
  public MigrationPlan plan() {
    return new Inspect(engine).plan();
  }

  /** What {@link #down(DownRequest)} would do; changes nothing and takes no lock. */
  public MigrationPlan planDown(DownRequest request) {
    return new Inspect(engine).planDown(request);
  }

  /**
   * Reverts the newest applied migrations with their down scripts, newest first.
   *
   * @throws ValidationException changing nothing, when a needed down script is missing or sources
   *     and history disagree
   */
  public DownResult down(DownRequest request) {
    return new Down(engine).run(request);
  }

  /** One row per migration with its state; changes nothing. */
  public StatusReport status() {
    return new Inspect(engine).status();
  }

  /**
   * Every difference between sources and history; changes nothing.
   *
   * @param requireUpToDate whether pending migrations count as differences
   */
  public ValidateResult validate(boolean requireUpToDate) {
    return new Inspect(engine).validate(requireUpToDate);
  }

  /**
   * Clears failed attempts and accepts the edited sources of applied migrations, recording both in
   * the history table. Run it only after fixing the database by hand.
   */
  public RepairResult repair() {
    return new Repair(engine).run();
  }

  /**
   * Adopts an existing database: versions up to and including {@code version} count as applied from
   * now on and are never run.
   *
   * @throws ConfigurationException when the history table already records migrations
   */
  public BaselineResult baseline(MigrationVersion version) {
    return new Baseline(engine).at(version);
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
    return new Baseline(engine).from(tool);
  }

  /** The audit trail, oldest first; empty when the history table does not exist. */
  public List<HistoryEntry> history() {
    return new Inspect(engine).history();
  }

  /**
   * The migration schema as the dialect reads it: tables, columns, constraints, indexes, views,
   * sequences, routines, triggers, types and comments, in a fixed order, without Strata's own
   * tables. Takes no lock and changes nothing.
   *
   * @throws ConfigurationException when the dialect cannot inspect schemas
   */
  public SchemaModel inspectSchema() {
    return new SchemaInspection(engine).inspect();
  }

  /**
   * The live schema against the schema its applied migrations produce, built in a scratch database
   * or schema that Strata creates on the same server and drops afterwards, also when a migration
   * fails in it (PostgreSQL: a scratch database when Strata was given a URL and may create one,
   * else a scratch schema; MySQL: a scratch database; H2: an in-memory database). Pending
   * migrations are listed in {@link SchemaDiff#pending()}, not reported as drift. Takes no
   * migration lock and changes nothing in the live schema.
   *
   * @throws ValidationException when sources and history disagree (a failed entry, an edited or
   *     missing migration), naming each problem
   * @throws ConfigurationException when the dialect cannot inspect schemas, or no scratch database
   *     can be created (then give one: {@link #diff(DataSource)})
   */
  public SchemaDiff diff() {
    return new Diff(engine, shadows()).diff(null);
  }

  /**
   * {@link #diff()} with the expected schema built in {@code shadow}, an empty database the caller
   * provides (and keeps: Strata migrates it and leaves it as it is then).
   *
   * @throws ConfigurationException when {@code shadow} is not empty
   */
  public SchemaDiff diff(DataSource shadow) {
    return new Diff(engine, shadows()).diff(shadow);
  }

  /**
   * What every migration produces, as {@link #dumpSchema()} writes it, built in a scratch database
   * as {@link #diff()} builds it: {@code dump-schema --check} compares it with a committed file.
   */
  public String dumpExpectedSchema() {
    return new Diff(engine, shadows()).dumpExpected(null);
  }

  /**
   * {@link #dumpExpectedSchema()} built in {@code shadow}, an empty database the caller provides.
   */
  public String dumpExpectedSchema(DataSource shadow) {
    return new Diff(engine, shadows()).dumpExpected(shadow);
  }

  /**
   * {@link #inspectSchema()} as the SQL text {@code strata dump-schema} writes: sorted, one object
   * per block, without server version or times, so the same schema always gives the same text.
   */
  public String dumpSchema() {
    return new SchemaInspection(engine).dump();
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
}
