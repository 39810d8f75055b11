package dev.strata.core.internal.plan;

import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The history read by runs: which run last applied each migration, and which run a release label
 * last stood for. What is applied now comes from {@link RecordedState}; this only says by whom.
 */
final class RunHistory {
  private final List<HistoryEntry> rows;
  private final Map<MigrationKey, HistoryEntry> lastApply = new HashMap<>();

  RunHistory(List<HistoryEntry> history) {
    this.rows = history;
    for (HistoryEntry e : history) {
      if (e.success() && e.action() == HistoryAction.APPLY) {
        lastApply.merge(MigrationKey.of(e.id()), e, (a, b) -> a.rank() > b.rank() ? a : b);
      }
    }
  }

  /** The row of the migration's newest successful apply, or {@code null}. */
  @Nullable HistoryEntry lastApply(SourceMigration m) {
    return lastApply.get(MigrationKey.of(m.id()));
  }

  /**
   * The rank of the last row of the newest run labelled {@code release} that applied or baselined a
   * migration, or {@code null} when no such run is recorded. A run that only reverted does not
   * count: rolling back from v2 to v1 with a v2 label would otherwise hide v2's own migrations.
   */
  @Nullable Long endOfRelease(String release) {
    HistoryEntry newest = null;
    for (HistoryEntry e : rows) {
      boolean applying = e.action() == HistoryAction.APPLY || e.action() == HistoryAction.BASELINE;
      if (applying && e.success() && release.equals(e.release())) {
        newest = newest == null || e.rank() > newest.rank() ? e : newest;
      }
    }
    if (newest == null) {
      return null;
    }
    long end = newest.rank();
    for (HistoryEntry e : rows) {
      if (newest.runId() != null && newest.runId().equals(e.runId())) {
        end = Math.max(end, e.rank());
      }
    }
    return end;
  }

  /** Every release label the history records, sorted. */
  List<String> releases() {
    TreeSet<String> labels = new TreeSet<>();
    rows.stream().map(HistoryEntry::release).filter(Objects::nonNull).forEach(labels::add);
    return new ArrayList<>(labels);
  }

  /** The repeatable migrations {@code run} applied, each once, as their newest such row. */
  List<HistoryEntry> repeatablesAppliedBy(String run) {
    return repeatables(e -> run.equals(e.runId()));
  }

  /** The repeatable migrations applied after row {@code rank}, each once. */
  List<HistoryEntry> repeatablesAppliedAfter(long rank) {
    return repeatables(e -> e.rank() > rank);
  }

  private List<HistoryEntry> repeatables(java.util.function.Predicate<HistoryEntry> which) {
    Map<String, HistoryEntry> byName = new LinkedHashMap<>();
    for (HistoryEntry e : rows) {
      if (e.id().version() == null
          && e.success()
          && e.action() == HistoryAction.APPLY
          && which.test(e)) {
        byName.put(e.id().description(), e);
      }
    }
    return List.copyOf(byName.values());
  }
}
