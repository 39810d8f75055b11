package dev.strata.spring.boot;

import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationPhase;
import dev.strata.core.StrataConfiguration.LockMode;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code strata.*} properties of a Spring Boot application. Bound once at startup; not meant to
 * be changed afterwards.
 *
 * <pre>{@code
 * strata.sources=classpath:db/migration
 * strata.mode=validate
 * strata.lock-timeout=30s
 * }</pre>
 */
@ConfigurationProperties("strata")
public final class StrataProperties {

  /** What the starter does at startup. */
  public enum Mode {
    /** Apply pending migrations, then check that sources and history agree. */
    MIGRATE,
    /** Change nothing; refuse to start when anything is pending, edited, missing or failed. */
    VALIDATE,
    /** Run nothing at startup; the {@code Strata} bean stays available. */
    NONE
  }

  /** Whether to enable Strata's auto-configuration. */
  private boolean enabled = true;

  /**
   * What to do at startup: 'migrate' applies pending migrations, 'validate' refuses to start on a
   * schema mismatch and changes nothing, 'none' runs nothing.
   */
  private Mode mode = Mode.MIGRATE;

  /**
   * Whether to refuse to start when the schema drifted from what the applied migrations make (an
   * index added by hand, a column changed by a hotfix), after 'migrate' or 'validate': the
   * migrations are applied to a scratch database on the same server, dropped afterwards, and both
   * schemas compared. Also shows the comparison in the health details and the 'strata' endpoint.
   */
  private boolean validateSchema;

  /**
   * Migration locations, each with its prefix, such as 'classpath:db/migration' or
   * 'filesystem:/migrations'.
   */
  private List<String> sources = List.of("classpath:db/migration");

  /**
   * Schema of the history table and of unqualified names in migrations, created if absent. Default:
   * the connection's current schema.
   */
  private @Nullable String schema;

  /** Name of the history table. */
  private String table = "strata_schema_history";

  /** Version to migrate up to; 'latest' or unset for every pending migration. */
  private @Nullable String target;

  /** How long to wait for the migration lock another instance holds before failing. */
  private Duration lockTimeout = Duration.ofMinutes(5);

  /**
   * How long one migration statement may wait for a table lock (PostgreSQL lock_timeout, MySQL
   * lock_wait_timeout). Default: the dialect's, 10 s.
   */
  private @Nullable Duration ddlLockTimeout;

  /**
   * How long one migration statement may run (PostgreSQL statement_timeout). Default: the server's.
   */
  private @Nullable Duration statementTimeout;

  /**
   * Lint the pending migrations before migrating and refuse to start on findings at least this
   * severe: 'info', 'warning' or 'error'. Default: no lint gate.
   */
  private @Nullable LintSeverity lintGate;

  /**
   * Whether to apply a pending migration older than the newest applied one, instead of refusing to
   * start.
   */
  private boolean outOfOrder;

  /**
   * Globs of .sql files to leave out of the migration locations, listed at INFO; any other .sql
   * file that follows no naming convention is an error. Without '/' a glob matches a file name in
   * any folder (V7_fix.sql, *.go.sql), with '/' the path below the location (legacy/**).
   */
  private List<String> ignore = List.of();

  /** Dialect to use, such as 'h2' or 'postgresql'. Default: chosen from the connection. */
  private @Nullable String dialect;

  /**
   * Release label the history rows of each run record, for 'down --to-release'. Default: the
   * application's version (the build info's, else the main class's Implementation-Version, as
   * spring.application.version has it); none when neither is known.
   */
  private @Nullable String release;

  /**
   * JDBC URL of the database to migrate, when it is not the application's DataSource (for example,
   * to migrate as the schema owner). Default: the application's DataSource.
   */
  private @Nullable String url;

  /**
   * User to migrate as. With 'url', the user of that connection; without it, the application's
   * database is reached as this user instead of the DataSource's.
   */
  private @Nullable String user;

  /** Password of 'user'. */
  private @Nullable String password;

  /** File holding the password of 'user' (a mounted secret); replaces 'password'. */
  private @Nullable String passwordFile;

  /**
   * How the migration lock is taken: the database's own lock, or a lease row for connection poolers
   * in transaction mode (PgBouncer).
   */
  private LockMode lockMode = LockMode.DATABASE;

  /** How long a lease lasts without renewal, with lock-mode 'lease'. */
  private Duration leaseTimeToLive = Duration.ofSeconds(60);

  /** Apply only one expand/contract phase. Default: every migration, in version order. */
  private @Nullable MigrationPhase phase;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public boolean isValidateSchema() {
    return validateSchema;
  }

  public void setValidateSchema(boolean validateSchema) {
    this.validateSchema = validateSchema;
  }

  public List<String> getSources() {
    return sources;
  }

  public void setSources(List<String> sources) {
    this.sources = List.copyOf(sources);
  }

  public @Nullable String getSchema() {
    return schema;
  }

  public void setSchema(@Nullable String schema) {
    this.schema = schema;
  }

  public String getTable() {
    return table;
  }

  public void setTable(String table) {
    this.table = table;
  }

  public @Nullable String getTarget() {
    return target;
  }

  public void setTarget(@Nullable String target) {
    this.target = target;
  }

  public @Nullable Duration getDdlLockTimeout() {
    return ddlLockTimeout;
  }

  public void setDdlLockTimeout(@Nullable Duration ddlLockTimeout) {
    this.ddlLockTimeout = ddlLockTimeout;
  }

  public @Nullable Duration getStatementTimeout() {
    return statementTimeout;
  }

  public void setStatementTimeout(@Nullable Duration statementTimeout) {
    this.statementTimeout = statementTimeout;
  }

  public @Nullable LintSeverity getLintGate() {
    return lintGate;
  }

  public void setLintGate(@Nullable LintSeverity lintGate) {
    this.lintGate = lintGate;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public boolean isOutOfOrder() {
    return outOfOrder;
  }

  public void setOutOfOrder(boolean outOfOrder) {
    this.outOfOrder = outOfOrder;
  }

  public List<String> getIgnore() {
    return ignore;
  }

  public void setIgnore(List<String> ignore) {
    this.ignore = List.copyOf(ignore);
  }

  public @Nullable String getDialect() {
    return dialect;
  }

  public void setDialect(@Nullable String dialect) {
    this.dialect = dialect;
  }

  public @Nullable String getRelease() {
    return release;
  }

  public void setRelease(@Nullable String release) {
    this.release = release;
  }

  public @Nullable String getUrl() {
    return url;
  }

  public void setUrl(@Nullable String url) {
    this.url = url;
  }

  public @Nullable String getUser() {
    return user;
  }

  public void setUser(@Nullable String user) {
    this.user = user;
  }

  public @Nullable String getPassword() {
    return password;
  }

  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  public @Nullable String getPasswordFile() {
    return passwordFile;
  }

  public void setPasswordFile(@Nullable String passwordFile) {
    this.passwordFile = passwordFile;
  }

  /** The password: read from {@link #getPasswordFile()} when that is set. */
  public @Nullable String resolvePassword() {
    return passwordFile != null && !passwordFile.isBlank()
        ? dev.strata.core.StrataProperties.readPasswordFile(passwordFile)
        : password;
  }

  public LockMode getLockMode() {
    return lockMode;
  }

  public void setLockMode(LockMode lockMode) {
    this.lockMode = lockMode;
  }

  public Duration getLeaseTimeToLive() {
    return leaseTimeToLive;
  }

  public void setLeaseTimeToLive(Duration leaseTimeToLive) {
    this.leaseTimeToLive = leaseTimeToLive;
  }

  public @Nullable MigrationPhase getPhase() {
    return phase;
  }

  public void setPhase(@Nullable MigrationPhase phase) {
    this.phase = phase;
  }
}
