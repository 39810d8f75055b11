package dev.strata.cli.internal;

import dev.strata.api.DatabaseAccessException;
import dev.strata.api.MigrateResult;
import dev.strata.api.StrataListener;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import dev.strata.core.StrataOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata migrate}: applies every pending migration; the last line is the summary. With
 * {@code --schemas}, it migrates many schemas (one per tenant), each with its own history table and
 * lock, and ends with one row per schema.
 */
@Command(
    name = "migrate",
    sortOptions = false,
    description = {
      "Apply every pending migration in version order, then changed repeatable ones.",
      "Progress goes to stderr; the last line on stdout is the summary, e.g."
          + " 'applied 2 migrations (V7, V8) in 340 ms'.",
      "With --schemas or --schemas-file it migrates each schema in turn (or --parallel N at a"
          + " time), each with its own history table and lock, prints one row per schema and"
          + " fails, naming them, when any schema failed."
    })
final class MigrateCommand extends EngineCommand {
  @Option(
      names = "--target",
      paramLabel = "VERSION",
      converter = Versions.TargetConverter.class,
      description = "Apply migrations up to and including VERSION only (or latest).")
  @Nullable String target;

  @Option(
      names = "--heartbeat",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "While a statement runs longer than DURATION, print a line every DURATION with its"
              + " elapsed time (STRATA_HEARTBEAT); 0 or off disables it. Default: 5s")
  Duration heartbeat = Duration.ofSeconds(5);

  @Option(
      names = "--schemas",
      paramLabel = "GLOB",
      split = ",",
      description =
          "Migrate every schema whose name matches GLOB ('tenant_*'; * and ?, case-insensitive),"
              + " each with its own history table and lock (STRATA_SCHEMAS). Comma-separated or"
              + " repeated.")
  @Nullable List<String> schemas;

  @Option(
      names = "--schemas-file",
      paramLabel = "FILE",
      description =
          "Migrate the schemas listed in FILE, one per line, # for comments (STRATA_SCHEMAS_FILE).")
  @Nullable Path schemasFile;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "With --schemas: migrate N schemas at a time (STRATA_PARALLEL). Default: 1")
  int parallel = 1;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "With --schemas: migrate only the schemas of shard I (0-based) of N, where a schema's"
              + " shard is CRC-32(name) mod N (STRATA_SHARD). '--shard N' takes I from"
              + " JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs).")
  @Nullable String shard;

  private @Nullable Shard selectedShard;

  MigrateCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  void checkOptions() {
    boolean many = schemas != null || schemasFile != null;
    if (schemas != null && schemasFile != null) {
      throw usageError("give --schemas or --schemas-file, not both");
    }
    if (many && options().get(StrataOption.SCHEMA) != null) {
      throw usageError("--schema names one schema and --schemas many: give one of them");
    }
    if (parallel < 1) {
      throw usageError("--parallel must be at least 1, was " + parallel);
    }
    if (!many && (given("--parallel") || given("--shard"))) {
      throw usageError("--parallel and --shard go with --schemas or --schemas-file");
    }
    if (many && shard != null) {
      try {
        selectedShard = Shard.parse(shard, loader.environment().get("JOB_COMPLETION_INDEX"));
      } catch (IllegalArgumentException e) {
        throw usageError(e.getMessage());
      }
    }
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  @Override
  Map<String, String> commandProperties() {
    return target == null ? Map.of() : Map.of("strata.target", target);
  }

  @Override
  int run() {
    try (HeartbeatTimer timer = new HeartbeatTimer(heartbeat)) {
      if (schemas == null && schemasFile == null) {
        MigrateResult result = strata(Map.of(), console, timer.listenerFor(console)).migrate();
        console.result(
            "summary",
            result.summary(),
            Summary.of("migrate", result.applied(), result.durationMs())
                .with("lock_taken", result.lockTaken()));
        return ExitCode.SUCCESS;
      }
      return migrateSchemas(timer);
    }
  }

  /**
   * Migrates the selected schemas. One connection stays open for the whole run: an embedded H2
   * database closes when its last connection does, and reopening it while other schemas' threads
   * connect lost a history table created a moment before (H2 2.3; with {@code --parallel 3} one run
   * in three failed that way in {@code ManySchemasTest}).
   */
  private int migrateSchemas(HeartbeatTimer timer) {
    long started = System.nanoTime();
    Strata strata = strata();
    Connection held = connect(strata);
    try {
      List<String> all =
          schemas != null
              ? listSchemas(strata, held, schemas)
              : SchemaSelection.fromFile(schemasFile);
      List<String> mine = selectedShard == null ? all : selectedShard.select(all);
      if (selectedShard != null) {
        console.info(
            "shard",
            "Shard " + selectedShard + ": " + mine.size() + " of " + all.size() + " schemas",
            Fields.of("shard", selectedShard.toString()).with("schemas", mine));
      }
      List<SchemaFanOut.Outcome> outcomes =
          SchemaFanOut.run(
              mine,
              parallel,
              console,
              loader.stopRequest(),
              (schema, progress, recorder) -> {
                List<StrataListener> listeners = new ArrayList<>(timer.listenerFor(progress));
                listeners.add(recorder);
                return strata(Map.of("strata.schema", schema), progress, listeners).migrate();
              });
      return new SchemaReport(console)
          .print(outcomes, (System.nanoTime() - started) / 1_000_000, selectedShard);
    } finally {
      try {
        held.close();
      } catch (SQLException ignored) { // every schema's outcome is reported; nothing depends on it
      }
    }
  }

  private static Connection connect(Strata strata) {
    try {
      return strata.configuration().dataSource().getConnection();
    } catch (SQLException e) {
      throw new DatabaseAccessException(
          "Cannot connect to "
              + strata.configuration().displayUrl()
              + " (--schemas): "
              + strata.configuration().maskSecrets(String.valueOf(e.getMessage()))
              + ". Check --url, --user and --password (STRATA_URL, STRATA_USER, STRATA_PASSWORD)",
          e);
    }
  }

  private static List<String> listSchemas(Strata strata, Connection c, List<String> globs) {
    try {
      return SchemaSelection.matching(c, globs);
    } catch (SQLException e) {
      throw new DatabaseAccessException(
          "Cannot list the schemas of "
              + strata.configuration().displayUrl()
              + " (--schemas): "
              + strata.configuration().maskSecrets(String.valueOf(e.getMessage())),
          e);
    }
  }
}
