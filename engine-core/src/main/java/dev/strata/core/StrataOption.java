package dev.strata.core;

import dev.strata.api.ConfigurationException;
import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationPhase;
import dev.strata.api.MigrationVersion;
import dev.strata.core.StrataConfiguration.Builder;
import dev.strata.core.StrataConfiguration.LockMode;
import dev.strata.core.internal.config.DurationText;
import dev.strata.spi.support.HistoryTable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Every engine option, defined once: its key (the property {@code strata.<key>}), its environment
 * variable, its command-line flag, its default as users write it, what it means, and how its text
 * is applied to a {@link Builder}. {@link Builder#properties}, {@link StrataProperties} (a file,
 * the environment, system properties), the command line and the Spring Boot starter all follow this
 * table, and the configuration page (docs/configuration.md) is generated from it.
 *
 * <p>Text values: durations as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601;
 * lists comma-separated; an empty value means the option's "none".
 */
public enum StrataOption {
  URL("url", "--url", "JDBC_URL", null, "the database, as a JDBC URL", Builder::url),
  USER("user", "--user", "USER", null, "the database user", Builder::user),
  PASSWORD(
      "password",
      "--password",
      "PASSWORD",
      null,
      "the database password; prefer the password file or the environment",
      Builder::password),
  PASSWORD_FILE(
      "passwordFile",
      "--password-file",
      "FILE",
      null,
      "read the password from FILE, e.g. a mounted secret; replaces the password",
      (b, v) -> b.password(StrataProperties.readPasswordFile(v))),
  SOURCES(
      "sources",
      "--source",
      "LOCATION",
      StrataConfiguration.DEFAULT_SOURCE,
      "where migrations are, e.g. filesystem:/migrations, goose:db/migrations; a list",
      (b, v) -> b.sources(StrataProperties.splitList(v))),
  SCHEMA(
      "schema",
      "--schema",
      "SCHEMA",
      null,
      "the schema of the history table and of unqualified names; none: the connection's",
      (b, v) -> b.schema(v.isBlank() ? null : v)),
  TABLE(
      "table", "--table", "TABLE", HistoryTable.DEFAULT_NAME, "the history table", Builder::table),
  LOCK_TIMEOUT(
      "lockTimeout",
      "--lock-timeout",
      "DURATION",
      "5m",
      "how long to wait for the migration lock another migrator holds",
      (b, v) -> b.lockTimeout(DurationText.parse(v))),
  LOCK_MODE(
      "lockMode",
      "--lock-mode",
      "database|lease",
      "database",
      "lease behind a connection pooler in transaction mode (PgBouncer)",
      (b, v) -> b.lockMode(LockMode.valueOf(upper(v)))),
  LEASE_TIME_TO_LIVE(
      "leaseTimeToLive",
      "--lease-time-to-live",
      "DURATION",
      "60s",
      "how long a lease lasts without renewal (lease lock mode)",
      (b, v) -> b.leaseTimeToLive(DurationText.parse(v))),
  DDL_LOCK_TIMEOUT(
      "ddlLockTimeout",
      "--ddl-lock-timeout",
      "DURATION",
      null,
      "how long one migration statement may wait for a table lock (PostgreSQL lock_timeout,"
          + " MySQL lock_wait_timeout); none: the dialect's, 10s on PostgreSQL and MySQL",
      (b, v) -> b.ddlLockTimeout(v.isBlank() ? null : DurationText.parse(v))),
  STATEMENT_TIMEOUT(
      "statementTimeout",
      "--statement-timeout",
      "DURATION",
      null,
      "how long one migration statement may run; none: the server's setting",
      (b, v) -> b.statementTimeout(v.isBlank() ? null : DurationText.parse(v))),
  TARGET(
      "target",
      "--target",
      "VERSION",
      "latest",
      "the version to migrate up to",
      (b, v) -> b.target(v.isBlank() || v.equals("latest") ? null : MigrationVersion.parse(v))),
  OUT_OF_ORDER(
      "outOfOrder",
      "--out-of-order",
      "true|false",
      "false",
      "apply pending migrations older than the newest applied one",
      (b, v) -> b.outOfOrder(parseBoolean(v))),
  PHASE(
      "phase",
      "--phase",
      "expand|contract",
      "all",
      "apply only one expand/contract phase",
      (b, v) -> b.phase(v.isBlank() || v.equals("all") ? null : MigrationPhase.valueOf(upper(v)))),
  LINT_GATE(
      "lintGate",
      "--lint-gate",
      "off|info|warning|error",
      "off",
      "lint pending migrations first and refuse on findings this severe",
      (b, v) -> b.lintGate(v.isBlank() || v.equals("off") ? null : LintSeverity.valueOf(upper(v)))),
  IGNORE(
      "ignore",
      "--ignore",
      "GLOB",
      null,
      "leave out the .sql files matching these globs, listed at info level (without '/' a glob"
          + " matches a file name in any folder, with '/' the path below the location); a list",
      (b, v) -> b.ignore(StrataProperties.splitList(v))),
  DIALECT(
      "dialect",
      "--dialect",
      "NAME",
      null,
      "force a dialect (h2, postgresql, mysql, ...); none: chosen from the connection",
      (b, v) -> b.dialect(v.isBlank() ? null : v)),
  RELEASE(
      "release",
      "--release",
      "LABEL",
      null,
      "label the history rows of this run with LABEL (e.g. the image tag), for"
          + " down --to-release; none: unlabelled (the starter: the application's version)",
      Builder::release),
  CONFIG(
      "config",
      "--config",
      "FILE",
      null,
      "a properties file of strata.* options, the lowest layer; never read unless named",
      (b, v) -> {});

  private final String key;
  private final String flag;
  private final String valueLabel;
  private final @Nullable String defaultValue;
  private final String description;
  private final BiConsumer<Builder, String> apply;

  StrataOption(
      String key,
      String flag,
      String valueLabel,
      @Nullable String defaultValue,
      String description,
      BiConsumer<Builder, String> apply) {
    this.key = key;
    this.flag = flag;
    this.valueLabel = valueLabel;
    this.defaultValue = defaultValue;
    this.description = description;
    this.apply = apply;
  }

  /** The key, e.g. {@code lockTimeout}: the property is {@code strata.lockTimeout}. */
  public String key() {
    return key;
  }

  /** The property, e.g. {@code strata.lockTimeout}. */
  public String property() {
    return "strata." + key;
  }

  /** The environment variable, e.g. {@code STRATA_LOCK_TIMEOUT}. */
  public String environmentVariable() {
    return StrataProperties.environmentName(key);
  }

  /** The command-line flag, e.g. {@code --lock-timeout}. */
  public String flag() {
    return flag;
  }

  /** What the flag's value looks like, e.g. {@code DURATION}. */
  public String valueLabel() {
    return valueLabel;
  }

  /** The default as users write it ({@code 5m}), or {@code null} when the default is none. */
  public @Nullable String defaultValue() {
    return defaultValue;
  }

  /** What the option means, one line. */
  public String description() {
    return description;
  }

  /** Whether the option takes a comma-separated list (and its flag may be repeated). */
  public boolean isList() {
    return this == SOURCES || this == IGNORE;
  }

  /** Whether the option is true or false; on the command line the flag alone means true. */
  public boolean isBoolean() {
    return this == OUT_OF_ORDER;
  }

  /** The option whose key is {@code key}, or {@code null}. */
  public static @Nullable StrataOption forKey(String key) {
    for (StrataOption option : values()) {
      if (option.key.equals(key)) {
        return option;
      }
    }
    return null;
  }

  /** Every key, in table order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(StrataOption::key).toList();
  }

  /** Applies {@code value} to {@code builder}, or says which option has a bad value. */
  void apply(Builder builder, String value) {
    try {
      apply.accept(builder, value);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "Invalid value for " + property() + " (" + environmentVariable() + "): " + e.getMessage(),
          e);
    }
  }

  private static String upper(String value) {
    return value.strip().toUpperCase(Locale.ROOT);
  }

  private static boolean parseBoolean(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty() || v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    throw new IllegalArgumentException("'" + value + "' is neither true nor false");
  }
}
