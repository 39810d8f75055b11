package dev.strata.core.internal.plan;

import dev.strata.api.Direction;
import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.core.internal.history.PlanningRow;
import dev.strata.spi.MigrationResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sources and history rows written by hand for planner tests: an in-memory source (each script's
 * content is a lambda) and an append-only list of history rows with increasing ranks.
 */
final class PlanScenario {
  static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  private final List<SourceMigration> sources = new ArrayList<>();
  private final List<HistoryEntry> history = new ArrayList<>();
  private @Nullable String run;
  private @Nullable String release;

  /** The rows added from now on belong to {@code run}, labelled {@code release}. */
  PlanScenario inRun(String run, @Nullable String release) {
    this.run = run;
    this.release = release;
    return this;
  }

  /** The checksum a script's text gets here; the planner only compares them. */
  static String checksum(String sql) {
    return "sum(" + sql + ")";
  }

  static MigrationVersion v(String text) {
    return MigrationVersion.parse(text);
  }

  static String upFile(String version, String description) {
    return "db/V" + version + "__" + description.replace(' ', '_') + ".sql";
  }

  static String downFile(String version, String description) {
    return "db/U" + version + "__" + description.replace(' ', '_') + ".sql";
  }

  static String repeatableFile(String description) {
    return "db/R__" + description.replace(' ', '_') + ".sql";
  }

  /** A versioned migration with an up script only. */
  PlanScenario source(String version, String description, String sql) {
    MigrationId id = new MigrationId(v(version), description);
    sources.add(
        new SourceMigration(
            id,
            resource(id, Direction.UP, upFile(version, description), sql),
            sql,
            checksum(sql),
            null));
    return this;
  }

  /** A versioned migration with up and down scripts. */
  PlanScenario sourceWithDown(String version, String description, String sql) {
    MigrationId id = new MigrationId(v(version), description);
    sources.add(
        new SourceMigration(
            id,
            resource(id, Direction.UP, upFile(version, description), sql),
            sql,
            checksum(sql),
            resource(id, Direction.DOWN, downFile(version, description), "-- undo " + sql)));
    return this;
  }

  /** A repeatable migration. */
  PlanScenario repeatable(String description, String sql) {
    MigrationId id = new MigrationId(null, description);
    sources.add(
        new SourceMigration(
            id,
            resource(id, Direction.UP, repeatableFile(description), sql),
            sql,
            checksum(sql),
            null));
    return this;
  }

  /** A successful APPLY row of versioned migration {@code version} whose text was {@code sql}. */
  PlanScenario applied(String version, String description, String sql) {
    return row(
        new MigrationId(v(version), description), HistoryAction.APPLY, checksum(sql), true, 1);
  }

  /** A successful APPLY row of a repeatable migration. */
  PlanScenario appliedRepeatable(String description, String sql) {
    return row(new MigrationId(null, description), HistoryAction.APPLY, checksum(sql), true, 1);
  }

  /** A row of any kind about versioned migration {@code version}. */
  PlanScenario row(
      String version,
      String description,
      HistoryAction action,
      @Nullable String checksum,
      boolean success,
      int statementsApplied) {
    return row(
        new MigrationId(v(version), description), action, checksum, success, statementsApplied);
  }

  PlanScenario row(
      MigrationId id,
      HistoryAction action,
      @Nullable String checksum,
      boolean success,
      int statementsApplied) {
    long rank = history.size() + 1;
    String script =
        id.version() == null
            ? repeatableFile(id.description())
            : upFile(id.version().toString(), id.description());
    history.add(
        new HistoryEntry(
            rank,
            id,
            action,
            script,
            checksum,
            success,
            statementsApplied,
            "migrator",
            START.plusSeconds(rank),
            10 * rank,
            "0.1.0",
            run,
            release));
    return this;
  }

  PlanScenario baseline(String version) {
    return row(
        new MigrationId(v(version), "<< baseline >>"), HistoryAction.BASELINE, null, true, 0);
  }

  List<SourceMigration> sources() {
    return sources;
  }

  List<HistoryEntry> history() {
    return history;
  }

  Reconciliation reconcile() {
    return reconcile(new PlanSettings(null, false));
  }

  Reconciliation reconcile(PlanSettings settings) {
    return Planner.reconcile(sources, history, settings);
  }

  /** As {@code migrate} plans: from the planning rows alone, without status rows. */
  Reconciliation pending() {
    return Planner.pending(
        sources, history.stream().map(PlanningRow::of).toList(), new PlanSettings(null, false));
  }

  private static MigrationResource resource(
      MigrationId id, Direction direction, String origin, String sql) {
    return new MigrationResource(
        id, direction, null, false, origin, () -> sql.getBytes(StandardCharsets.UTF_8));
  }
}
