package dev.strata.core;

import dev.strata.api.ConfigurationException;
import dev.strata.api.JavaMigration;
import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationPhase;
import dev.strata.api.MigrationVersion;
import dev.strata.api.StrataListener;
import dev.strata.core.internal.jdbc.DriverManagerDataSource;
import dev.strata.spi.DialectProvider;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.support.HistoryTable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link Strata} needs, fixed at {@link Builder#load()}. Immutable and thread-safe.
 *
 * <p>Every option also has a property form ({@code strata.lockTimeout}) read by {@link
 * Builder#properties(Map)}; {@link StrataProperties} gathers those from a file, the environment and
 * system properties.
 */
public final class StrataConfiguration {
  /** The location used when none is configured. */
  public static final String DEFAULT_SOURCE = "filesystem:migrations";

  private final DataSource dataSource;
  private final String displayUrl;
  private final List<String> sources;
  private final @Nullable String schema;
  private final String table;
  private final Duration lockTimeout;
  private final LockMode lockMode;
  private final Duration leaseTimeToLive;
  private final @Nullable Duration ddlLockTimeout;
  private final @Nullable Duration statementTimeout;
  private final @Nullable MigrationVersion target;
  private final boolean outOfOrder;
  private final @Nullable MigrationPhase phase;
  private final @Nullable LintSeverity lintGate;
  private final List<String> ignore;
  private final @Nullable String dialect;
  private final @Nullable String release;
  private final List<StrataListener> listeners;
  private final List<JavaMigration> javaMigrations;
  private final List<DialectProvider> dialectProviders;
  private final List<MigrationSourceProvider> sourceProviders;
  private final ClassLoader classLoader;
  private final Clock clock;

  private StrataConfiguration(Builder b, DataSource dataSource, String displayUrl) {
    this.dataSource = dataSource;
    this.displayUrl = displayUrl;
    this.sources = List.copyOf(b.sources);
    this.schema = b.schema;
    this.table = b.table;
    this.lockTimeout = b.lockTimeout;
    this.lockMode = b.lockMode;
    this.leaseTimeToLive = b.leaseTimeToLive;
    this.ddlLockTimeout = b.ddlLockTimeout;
    this.statementTimeout = b.statementTimeout;
    this.target = b.target;
    this.outOfOrder = b.outOfOrder;
    this.phase = b.phase;
    this.lintGate = b.lintGate;
    this.ignore = List.copyOf(b.ignore);
    this.dialect = b.dialect;
    this.release = b.release;
    this.listeners = List.copyOf(b.listeners);
    this.javaMigrations = List.copyOf(b.javaMigrations);
    this.dialectProviders = List.copyOf(b.dialectProviders);
    this.sourceProviders = List.copyOf(b.sourceProviders);
    this.classLoader = b.classLoader;
    this.clock = b.clock;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** {@code text} with the configured password and any password in a URL masked. */
  public String maskSecrets(String text) {
    return dataSource instanceof DriverManagerDataSource d
        ? d.maskSecrets(text)
        : DriverManagerDataSource.mask(text);
  }

  /** The database for messages: the JDBC URL with credentials masked, or the DataSource. */
  public String displayUrl() {
    return displayUrl;
  }

  public List<String> sources() {
    return sources;
  }

  /** The schema of the history table and of unqualified names; {@code null}: the connection's. */
  public @Nullable String schema() {
    return schema;
  }

  public String table() {
    return table;
  }

  public Duration lockTimeout() {
    return lockTimeout;
  }

  /** How the migration lock is taken. */
  public enum LockMode {
    /** The database's own lock (advisory lock, {@code GET_LOCK}, a row lock): the default. */
    DATABASE,
    /**
     * A lease row in {@code <table>_lease}, for connection poolers in transaction mode (PgBouncer)
     * where session locks do not work; a crashed holder blocks others for the lease's time.
     */
    LEASE
  }

  public LockMode lockMode() {
    return lockMode;
  }

  /** How long a lease lasts without renewal (only with {@link LockMode#LEASE}). */
  public Duration leaseTimeToLive() {
    return leaseTimeToLive;
  }

  /**
   * How long one migration statement may wait for a table lock (PostgreSQL {@code lock_timeout},
   * MySQL {@code lock_wait_timeout}); {@code null}: the dialect's default (10 s).
   */
  public @Nullable Duration ddlLockTimeout() {
    return ddlLockTimeout;
  }

  /** How long one migration statement may run; {@code null}: the server's own setting. */
  public @Nullable Duration statementTimeout() {
    return statementTimeout;
  }

  public @Nullable MigrationVersion target() {
    return target;
  }

  public boolean outOfOrder() {
    return outOfOrder;
  }

  /** The expand/contract phase {@code migrate} applies; {@code null} for every migration. */
  public @Nullable MigrationPhase phase() {
    return phase;
  }

  /** The lowest lint severity that makes {@code migrate} refuse; {@code null}: no gate. */
  public @Nullable LintSeverity lintGate() {
    return lintGate;
  }

  /**
   * Globs of {@code .sql} files the sources leave out (and list at info level) instead of refusing
   * them as following no naming convention; see {@link Builder#ignore(List)}.
   */
  public List<String> ignore() {
    return ignore;
  }

  /** The dialect forced by name, or {@code null} to choose it from the connection. */
  public @Nullable String dialect() {
    return dialect;
  }

  /**
   * The release label every history row this instance writes records, e.g. {@code v1.4.0}; {@code
   * null} for none. {@code down --to-release} reverts what runs after the newest run with a label
   * applied.
   */
  public @Nullable String release() {
    return release;
  }

  public List<StrataListener> listeners() {
    return listeners;
  }

  /** Java migrations registered explicitly (those listed for ServiceLoader are found at load). */
  public List<JavaMigration> javaMigrations() {
    return javaMigrations;
  }

  public List<DialectProvider> dialectProviders() {
    return dialectProviders;
  }

  public List<MigrationSourceProvider> sourceProviders() {
    return sourceProviders;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  public Clock clock() {
    return clock;
  }

  /** Builds a configuration; not thread-safe, use it from one thread. */
  public static final class Builder {
    private @Nullable DataSource dataSource;
    private @Nullable String url;
    private @Nullable String user;
    private @Nullable String password;
    private List<String> sources = List.of(DEFAULT_SOURCE);
    private @Nullable String schema;
    private String table = HistoryTable.DEFAULT_NAME;
    private Duration lockTimeout = Duration.ofMinutes(5);
    private LockMode lockMode = LockMode.DATABASE;
    private Duration leaseTimeToLive = Duration.ofSeconds(60);
    private @Nullable Duration ddlLockTimeout;
    private @Nullable Duration statementTimeout;
    private @Nullable MigrationVersion target;
    private boolean outOfOrder;
    private @Nullable MigrationPhase phase;
    private @Nullable LintSeverity lintGate;
    private List<String> ignore = List.of();
    private @Nullable String dialect;
    private @Nullable String release;
    private final List<StrataListener> listeners = new ArrayList<>();
    private final List<JavaMigration> javaMigrations = new ArrayList<>();
    private final List<DialectProvider> dialectProviders = new ArrayList<>();
    private final List<MigrationSourceProvider> sourceProviders = new ArrayList<>();
    private ClassLoader classLoader = Strata.class.getClassLoader();
    private Clock clock = Clock.systemUTC();

    Builder() {}

    /** The database, as a DataSource (takes precedence over {@link #url}). */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource);
      return this;
    }

    /** The database, as a JDBC URL; credentials may be given separately. */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder user(@Nullable String user) {
      this.user = user;
      return this;
    }

    public Builder password(@Nullable String password) {
      this.password = password;
      return this;
    }

    /** Migration locations such as {@code filesystem:/migrations}; replaces earlier ones. */
    public Builder sources(String... locations) {
      return sources(Arrays.asList(locations));
    }

    /** Migration locations; replaces earlier ones. */
    public Builder sources(List<String> locations) {
      this.sources = List.copyOf(locations);
      return this;
    }

    public Builder schema(@Nullable String schema) {
      this.schema = schema;
      return this;
    }

    public Builder table(String table) {
      this.table = Objects.requireNonNull(table);
      return this;
    }

    public Builder lockTimeout(Duration lockTimeout) {
      this.lockTimeout = Objects.requireNonNull(lockTimeout);
      return this;
    }

    /**
     * How to take the migration lock; {@link LockMode#LEASE} behind a connection pooler in
     * transaction mode.
     */
    public Builder lockMode(LockMode mode) {
      this.lockMode = Objects.requireNonNull(mode);
      return this;
    }

    /** How long a lease lasts without renewal; renewed every third of it while held. */
    public Builder leaseTimeToLive(Duration timeToLive) {
      this.leaseTimeToLive = Objects.requireNonNull(timeToLive);
      return this;
    }

    /**
     * How long one migration statement may wait for a table lock before failing, so that DDL queued
     * behind a long query does not stall the traffic queued behind it; {@code null}: the dialect's
     * default (10 s). A script overrides it with {@code -- strata:ddl-lock-timeout=5s}.
     */
    public Builder ddlLockTimeout(@Nullable Duration timeout) {
      this.ddlLockTimeout = timeout;
      return this;
    }

    /**
     * How long one migration statement may run; {@code null}: the server's own setting. A script
     * overrides it with {@code -- strata:statement-timeout=30m}.
     */
    public Builder statementTimeout(@Nullable Duration timeout) {
      this.statementTimeout = timeout;
      return this;
    }

    public Builder target(@Nullable MigrationVersion target) {
      this.target = target;
      return this;
    }

    public Builder outOfOrder(boolean outOfOrder) {
      this.outOfOrder = outOfOrder;
      return this;
    }

    /**
     * Applies only one phase: {@code EXPAND} stops before the first pending contract migration;
     * {@code CONTRACT} applies the pending contract migrations once no expand one precedes them.
     */
    public Builder phase(@Nullable MigrationPhase phase) {
      this.phase = phase;
      return this;
    }

    /**
     * Makes {@code migrate} lint the pending migrations first and refuse, changing nothing, when a
     * finding is at least {@code gate}; {@code null} (the default) lints nothing.
     */
    public Builder lintGate(@Nullable LintSeverity gate) {
      this.lintGate = gate;
      return this;
    }

    /**
     * Leaves out the {@code .sql} files matching these globs: a location's {@code .sql} file that
     * follows none of its naming conventions is otherwise an error, since it never runs. A glob
     * without {@code /} matches a file's name in any folder ({@code *.go.sql}, {@code
     * V366_remove_spaces.sql}); one with {@code /} its whole path below the location ({@code
     * legacy/**}). The files left out are listed at info level ({@link
     * dev.strata.api.StrataEvent.FileIgnored}). Replaces the globs given before.
     */
    public Builder ignore(List<String> globs) {
      this.ignore = List.copyOf(globs);
      return this;
    }

    /** See {@link #ignore(List)}. */
    public Builder ignore(String... globs) {
      return ignore(Arrays.asList(globs));
    }

    /** Forces a dialect by name ({@code h2}, {@code postgresql}, ...). */
    public Builder dialect(@Nullable String dialect) {
      this.dialect = dialect;
      return this;
    }

    /**
     * Labels every run of this instance with {@code release} (up to 100 characters), e.g. the
     * application's version; {@code null} or blank for none.
     *
     * @throws IllegalArgumentException when it is longer than 100 characters
     */
    public Builder release(@Nullable String release) {
      String label = release == null || release.isBlank() ? null : release.strip();
      if (label != null && label.length() > 100) {
        throw new IllegalArgumentException(
            "a release label has at most 100 characters, '" + label + "' has " + label.length());
      }
      this.release = label;
      return this;
    }

    public Builder listener(StrataListener listener) {
      this.listeners.add(Objects.requireNonNull(listener));
      return this;
    }

    /** Registers Java migrations, in addition to those listed for ServiceLoader. */
    public Builder javaMigrations(JavaMigration... migrations) {
      this.javaMigrations.addAll(Arrays.asList(migrations));
      return this;
    }

    /** Registers a dialect explicitly; it wins over those found with ServiceLoader. */
    public Builder dialectProvider(DialectProvider provider) {
      this.dialectProviders.add(Objects.requireNonNull(provider));
      return this;
    }

    /** Registers a source explicitly; it wins over those found with ServiceLoader. */
    public Builder sourceProvider(MigrationSourceProvider provider) {
      this.sourceProviders.add(Objects.requireNonNull(provider));
      return this;
    }

    /** The class loader ServiceLoader searches; default: Strata's own. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Applies {@code strata.*} properties (see {@link StrataOption}); other keys are ignored, an
     * unknown {@code strata.*} key is an error (it is probably a typo).
     */
    public Builder properties(Map<String, String> properties) {
      for (Map.Entry<String, String> e : properties.entrySet()) {
        if (e.getKey().startsWith("strata.")) {
          apply(e.getKey().substring("strata.".length()), e.getValue());
        }
      }
      return this;
    }

    private void apply(String key, String value) {
      StrataOption option = StrataOption.forKey(key);
      if (option == null) {
        throw new ConfigurationException(
            "Unknown option strata."
                + key
                + "; known options: "
                + String.join(", ", StrataOption.keys()));
      }
      option.apply(this, value);
    }

    /** Validates the configuration and creates the engine. */
    public Strata load() {
      if (dataSource == null && (url == null || url.isBlank())) {
        throw new ConfigurationException(
            "No database configured: set strata.url or give a DataSource");
      }
      if (!table.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
        throw new ConfigurationException(
            "Invalid history table name '" + table + "' (strata.table): use letters, digits and _");
      }
      DataSource ds =
          dataSource != null
              ? dataSource
              : new DriverManagerDataSource(url, user, password, classLoader);
      String display =
          dataSource != null
              ? dataSource.getClass().getSimpleName()
              : DriverManagerDataSource.mask(url);
      return new Strata(new StrataConfiguration(this, ds, display));
    }
  }
}
