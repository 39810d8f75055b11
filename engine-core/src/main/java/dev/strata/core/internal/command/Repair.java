package dev.strata.core.internal.command;

import dev.strata.api.HistoryAction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.RepairResult;
import dev.strata.core.internal.history.Run;
import dev.strata.core.internal.lock.HeldLock;
import dev.strata.core.internal.plan.Reconciliation;
import dev.strata.core.internal.plan.SourceMigration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code repair}: under the lock, clears failed attempts and accepts the edited sources of applied
 * migrations, recording both.
 */
public final class Repair {
  private final Engine engine;

  public Repair(Engine engine) {
    this.engine = engine;
  }

  public RepairResult run() {
    return engine.withSession(
        s -> {
          List<SourceMigration> sources = engine.discovery().discover(s.dialect());
          if (!s.history().exists(s.connection())) {
            return new RepairResult(List.of(), List.of());
          }
          List<MigrationId> cleared = new ArrayList<>();
          List<MigrationId> realigned = new ArrayList<>();
          // Before the lock: a row lock on the table would block the ALTER TABLE (see Down).
          s.history().addColumnsIfAbsent(s.connection());
          try (HeldLock lock = engine.lock(s)) {
            Reconciliation r = engine.reconcile(s, sources);
            Run run = engine.newRun();
            long rank = s.history().nextRank(s.connection());
            for (MigrationInfo info : r.status()) {
              if (info.state() == MigrationState.FAILED) {
                s.history()
                    .append(
                        s.connection(),
                        engine.row(
                            s,
                            run,
                            rank++,
                            info.id(),
                            HistoryAction.CLEAR_FAILED,
                            origin(info),
                            null));
                cleared.add(info.id());
              } else if (info.state() == MigrationState.EDITED) {
                String checksum =
                    sources.stream()
                        .filter(m -> m.id().equals(info.id()))
                        .findFirst()
                        .map(SourceMigration::checksum)
                        .orElseThrow();
                s.history()
                    .append(
                        s.connection(),
                        engine.row(
                            s,
                            run,
                            rank++,
                            info.id(),
                            HistoryAction.REALIGN_CHECKSUM,
                            origin(info),
                            checksum));
                realigned.add(info.id());
              }
            }
          }
          return new RepairResult(cleared, realigned);
        });
  }

  private static String origin(MigrationInfo info) {
    return info.origin() == null ? "" : info.origin();
  }
}
