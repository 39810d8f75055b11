package dev.strata.core.internal.plan;

import dev.strata.api.HistoryAction;
import dev.strata.api.MigrationVersion;
import dev.strata.core.internal.history.PlanningRow;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The current state of every migration the history table mentions, derived by replaying its rows in
 * order. The table is append-only; this is the only place that interprets it.
 */
final class RecordedState {
  enum Status {
    APPLIED,
    REVERTED,
    BASELINED,
    FAILED
  }

  /**
   * One migration's derived state.
   *
   * @param lastApply the row of its last successful apply, whose audit columns say when, who and
   *     how long
   * @param beforeFailure what the state was before the failure, restored by {@code repair}
   */
  record Recorded(
      PlanningRow latest,
      Status status,
      @Nullable String checksum,
      @Nullable PlanningRow lastApply,
      @Nullable Recorded beforeFailure) {}

  private final Map<MigrationKey, Recorded> byKey;
  private final @Nullable MigrationVersion baseline;

  private RecordedState(Map<MigrationKey, Recorded> byKey, @Nullable MigrationVersion baseline) {
    this.byKey = byKey;
    this.baseline = baseline;
  }

  static RecordedState replay(List<PlanningRow> entries) {
    Map<MigrationKey, Recorded> byKey = new LinkedHashMap<>();
    MigrationVersion baseline = null;
    List<PlanningRow> ordered =
        entries.stream().sorted(Comparator.comparingLong(PlanningRow::rank)).toList();
    for (PlanningRow e : ordered) {
      MigrationKey key = MigrationKey.of(e.id());
      Recorded before = byKey.get(key);
      Recorded after = apply(before, e);
      if (after != null) {
        byKey.put(key, after);
      } else {
        byKey.remove(key);
      }
      // A baseline row without a checksum (`baseline --version`) stands for every version up to
      // it; one with a checksum (a migration adopted from another tool) only for its own.
      if (e.action() == HistoryAction.BASELINE
          && e.id().version() != null
          && e.checksum() == null) {
        if (baseline == null || e.id().version().isNewerThan(baseline)) {
          baseline = e.id().version();
        }
      }
    }
    return new RecordedState(byKey, baseline);
  }

  private static @Nullable Recorded apply(@Nullable Recorded before, PlanningRow e) {
    // A failed attempt that completed no statement changed nothing: it stays in the audit trail
    // but does not make the migration FAILED.
    boolean harmlessFailure = !e.success() && e.statementsApplied() == 0;
    return switch (e.action()) {
      case APPLY ->
          e.success()
              ? new Recorded(e, Status.APPLIED, e.checksum(), e, null)
              : harmlessFailure ? before : failed(before, e);
      case REVERT ->
          e.success()
              ? new Recorded(e, Status.REVERTED, null, null, null)
              : harmlessFailure ? before : failed(before, e);
      case BASELINE -> new Recorded(e, Status.BASELINED, e.checksum(), e, null);
      case CLEAR_FAILED ->
          before != null && before.status() == Status.FAILED ? before.beforeFailure() : before;
      case REALIGN_CHECKSUM ->
          before == null
              ? null
              : new Recorded(
                  e, before.status(), e.checksum(), before.lastApply(), before.beforeFailure());
    };
  }

  private static Recorded failed(@Nullable Recorded before, PlanningRow e) {
    String checksum = before == null ? null : before.checksum();
    PlanningRow lastApply = before == null ? null : before.lastApply();
    return new Recorded(e, Status.FAILED, checksum, lastApply, before);
  }

  @Nullable Recorded get(MigrationKey key) {
    return byKey.get(key);
  }

  Map<MigrationKey, Recorded> all() {
    return byKey;
  }

  /** The newest version a plain baseline covers (with every older one), or {@code null}. */
  @Nullable MigrationVersion baseline() {
    return baseline;
  }
}
