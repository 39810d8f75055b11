package dev.strata.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options every command takes, shown in a section of their own. Each is {@code null} unless
 * given on the command line, so that only explicitly given options override system properties, the
 * environment and the config file.
 */
final class CommonOptions {
  @Option(
      names = "--url",
      paramLabel = "JDBC_URL",
      description = {
        "The database (STRATA_URL). Default (local H2 file):",
        StrataLoader.DEFAULT_URL
      })
  @Nullable String url;

  @Option(names = "--user", paramLabel = "USER", description = "Database user (STRATA_USER).")
  @Nullable String user;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      description =
          "Database password (STRATA_PASSWORD); prefer --password-file or the environment.")
  @Nullable String password;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from FILE (STRATA_PASSWORD_FILE), e.g. a mounted secret.")
  @Nullable Path passwordFile;

  @Option(
      names = "--source",
      paramLabel = "LOCATION",
      split = ",",
      description = {
        "Where migrations are, e.g. filesystem:/migrations (STRATA_SOURCES). Repeatable; replaces"
            + " the locations of lower layers.",
        "Default: filesystem:migrations"
      })
  @Nullable List<String> sources;

  @Option(
      names = "--schema",
      paramLabel = "SCHEMA",
      description = "Schema of the history table (STRATA_SCHEMA). Default: the connection's.")
  @Nullable String schema;

  @Option(
      names = "--table",
      paramLabel = "TABLE",
      description = "History table (STRATA_TABLE). Default: strata_schema_history")
  @Nullable String table;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      description =
          "How long to wait for another migrator, e.g. 30s, 5m (STRATA_LOCK_TIMEOUT). Default: 5m")
  @Nullable String lockTimeout;

  @Option(
      names = "--lock-mode",
      paramLabel = "database|lease",
      description =
          "lease behind a connection pooler in transaction mode (PgBouncer) (STRATA_LOCK_MODE). Default: database")
  @Nullable String lockMode;

  @Option(
      names = "--lease-time-to-live",
      paramLabel = "DURATION",
      description =
          "How long a lease lasts without renewal, with --lock-mode lease (STRATA_LEASE_TIME_TO_LIVE). Default: 60s")
  @Nullable String leaseTimeToLive;

  @Option(
      names = "--ddl-lock-timeout",
      paramLabel = "DURATION",
      description =
          "How long one migration statement may wait for a table lock (STRATA_DDL_LOCK_TIMEOUT). Default: 10s")
  @Nullable String ddlLockTimeout;

  @Option(
      names = "--statement-timeout",
      paramLabel = "DURATION",
      description =
          "How long one migration statement may run (STRATA_STATEMENT_TIMEOUT). Default: the server's")
  @Nullable String statementTimeout;

  @Option(
      names = "--phase",
      paramLabel = "expand|contract",
      description =
          "Apply only one expand/contract phase (STRATA_PHASE). Default: all, every migration in order")
  @Nullable String phase;

  @Option(
      names = "--lint-gate",
      paramLabel = "off|info|warning|error",
      description =
          "Lint pending migrations first; refuse on findings this severe (STRATA_LINT_GATE). Default: off")
  @Nullable String lintGate;

  @Option(
      names = "--dialect",
      paramLabel = "NAME",
      description =
          "Force a dialect (h2, postgresql, mysql, ...) instead of detecting it (STRATA_DIALECT).")
  @Nullable String dialect;

  @Option(
      names = "--out-of-order",
      arity = "0..1",
      fallbackValue = "true",
      paramLabel = "true|false",
      description =
          "Apply pending migrations older than the newest applied one (STRATA_OUT_OF_ORDER). Default: false")
  @Nullable Boolean outOfOrder;

  @Option(
      names = "--ignore",
      paramLabel = "GLOB",
      split = ",",
      description = {
        "Leave out the .sql files matching GLOB (STRATA_IGNORE, comma-separated), listed at info"
            + " level; any other .sql file that follows no naming convention is an error. Without"
            + " '/' GLOB matches a file name in any folder (V7_fix.sql, *.go.sql), with '/' the"
            + " path below the location (legacy/**). Repeatable; replaces the globs of lower"
            + " layers."
      })
  @Nullable List<String> ignore;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of strata.* options (STRATA_CONFIG); the lowest layer.")
  @Nullable Path config;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      description =
          "json: every line on stdout and stderr is one JSON object (STRATA_LOG_FORMAT). Default: text")
  @Nullable Format logFormat;

  /** The options given on the command line, as {@code strata.*} properties, in layer order. */
  Map<String, String> asProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, "url", url);
    put(p, "user", user);
    put(p, "password", password);
    put(p, "passwordFile", passwordFile);
    put(p, "sources", sources == null ? null : String.join(",", sources));
    put(p, "schema", schema);
    put(p, "table", table);
    put(p, "lockTimeout", lockTimeout);
    put(p, "lockMode", lockMode);
    put(p, "leaseTimeToLive", leaseTimeToLive);
    put(p, "ddlLockTimeout", ddlLockTimeout);
    put(p, "statementTimeout", statementTimeout);
    put(p, "phase", phase);
    put(p, "lintGate", lintGate);
    put(p, "dialect", dialect);
    put(p, "outOfOrder", outOfOrder);
    put(p, "ignore", ignore == null ? null : String.join(",", ignore));
    return p;
  }

  private static void put(Map<String, String> p, String key, @Nullable Object value) {
    if (value != null) {
      p.put("strata." + key, value.toString());
    }
  }
}
