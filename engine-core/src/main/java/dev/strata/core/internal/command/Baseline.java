package dev.strata.core.internal.command;

import dev.strata.api.BaselineResult;
import dev.strata.api.ConfigurationException;
import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.core.internal.adopt.Adoption;
import dev.strata.core.internal.adopt.ForeignHistory;
import dev.strata.core.internal.history.Run;
import dev.strata.core.internal.lock.HeldLock;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.core.internal.session.Session;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * {@code baseline}: adopts a database Strata has never migrated, at a version or from another
 * tool's history, writing the first rows of an empty history table under the lock.
 */
public final class Baseline {
  private final Engine engine;

  public Baseline(Engine engine) {
    this.engine = engine;
  }

  /** Versions up to and including {@code version} count as applied from now on. */
  public BaselineResult at(MigrationVersion version) {
    return engine.withSession(
        s -> {
          s.history().createIfAbsent(s.connection());
          try (HeldLock lock = engine.lock(s)) {
            refuseUnlessHistoryIsEmpty(s, "baseline");
            s.history().append(s.connection(), baselineRow(s, engine.newRun(), 1, version));
          }
          return new BaselineResult(version, List.of());
        });
  }

  /** The migrations {@code tool} applied are recorded as baselined, with their checksums. */
  public BaselineResult from(String tool) {
    ForeignHistory foreign =
        ForeignHistory.all().stream()
            .filter(f -> f.tool().equals(tool))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "Unknown tool '"
                            + tool
                            + "' to baseline from; known: "
                            + ForeignHistory.all().stream().map(ForeignHistory::tool).toList()));
    boolean outOfOrder = engine.planSettings().outOfOrder();
    return engine.withSession(
        s -> {
          List<SourceMigration> sources = engine.discovery().discover(s.dialect());
          Adoption adoption =
              foreign.adopt(s.connection(), s.dialect(), s.schema(), sources, outOfOrder);
          List<SourceMigration> adopted = adoption.applied();
          if (adopted.isEmpty()) {
            throw new ConfigurationException(
                "Found no "
                    + tool
                    + " history in schema "
                    + s.schema()
                    + " to adopt; check strata.url and strata.schema");
          }
          MigrationVersion newest =
              adopted.stream()
                  .map(m -> m.id().version())
                  .filter(Objects::nonNull)
                  .max(MigrationVersion::compareTo)
                  .orElseThrow();
          s.history().createIfAbsent(s.connection());
          try (HeldLock lock = engine.lock(s)) {
            refuseUnlessHistoryIsEmpty(s, "baseline from " + tool);
            Run run = engine.newRun();
            long rank = 1;
            if (adoption.skipsOlder()) {
              // Written first, so that the adopted row of the same version, with its checksum,
              // is the one that counts for it.
              s.history().append(s.connection(), baselineRow(s, run, rank++, newest));
            }
            for (SourceMigration m : adopted) {
              s.history()
                  .append(
                      s.connection(),
                      engine.row(
                          s,
                          run,
                          rank++,
                          m.id(),
                          HistoryAction.BASELINE,
                          m.up().origin(),
                          m.checksum()));
            }
          }
          adoption.warnings(tool, newest, outOfOrder).forEach(engine.listener()::onEvent);
          return new BaselineResult(newest, adopted.stream().map(SourceMigration::id).toList());
        });
  }

  /** A row that stands for every version up to {@code version}. */
  private HistoryEntry baselineRow(Session s, Run run, long rank, MigrationVersion version)
      throws SQLException {
    return engine.row(
        s, run, rank, new MigrationId(version, "<< baseline >>"), HistoryAction.BASELINE, "", null);
  }

  private static void refuseUnlessHistoryIsEmpty(Session s, String command) throws SQLException {
    List<HistoryEntry> history = s.history().read(s.connection());
    if (!history.isEmpty()) {
      throw new ConfigurationException(
          "Cannot "
              + command
              + " "
              + s.history().qualifiedName()
              + ": it already records "
              + history.size()
              + " row(s). Baseline adopts a database Strata has never"
              + " migrated; use `status` to see where this one stands");
    }
  }
}
