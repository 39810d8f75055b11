package dev.strata.core.internal.plan;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationPhase;
import dev.strata.api.MigrationState;
import dev.strata.api.MigrationVersion;
import dev.strata.api.ValidationProblem;
import dev.strata.api.ValidationProblem.Kind;
import dev.strata.core.internal.history.PlanningRow;
import dev.strata.core.internal.plan.RecordedState.Recorded;
import dev.strata.core.internal.plan.RecordedState.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares the migrations of the sources with the history table. A pure function: no I/O, so every
 * rule is tested without a database.
 */
public final class Planner {
  private Planner() {}

  /**
   * Reconciles {@code sources} (any order) with {@code history} under {@code settings}, with a
   * status row for every migration.
   */
  public static Reconciliation reconcile(
      List<SourceMigration> sources, List<HistoryEntry> history, PlanSettings settings) {
    Map<Long, HistoryEntry> audit = new HashMap<>();
    List<PlanningRow> rows = new ArrayList<>(history.size());
    for (HistoryEntry e : history) {
      audit.put(e.rank(), e);
      rows.add(PlanningRow.of(e));
    }
    return reconcile(sources, rows, audit, settings);
  }

  /**
   * What {@code migrate} needs only: the pending migrations and the problems, without status rows
   * (a row needs its script's phase, read from the script's header, and its audit columns).
   */
  public static Reconciliation pending(
      List<SourceMigration> sources, List<PlanningRow> history, PlanSettings settings) {
    return reconcile(sources, history, null, settings);
  }

  /** The status rows are built when the rows' {@code audit} is given. */
  private static Reconciliation reconcile(
      List<SourceMigration> sources,
      List<PlanningRow> history,
      @Nullable Map<Long, HistoryEntry> audit,
      PlanSettings settings) {
    RecordedState recorded = RecordedState.replay(history);
    MigrationVersion newestApplied = newestApplied(recorded);
    MigrationVersion baseline = recorded.baseline();

    @Nullable StatusRows status = audit == null ? null : new StatusRows(sources.size(), audit);
    List<SourceMigration> pending = new ArrayList<>();
    List<ValidationProblem> problems = new ArrayList<>();
    List<SourceMigration> applied = new ArrayList<>(sources.size());
    Set<MigrationKey> seen = new HashSet<>();

    List<SourceMigration> versioned =
        sources.stream()
            .filter(s -> s.id().version() != null)
            .sorted(Comparator.comparing(s -> s.id().version()))
            .toList();
    for (SourceMigration s : versioned) {
      MigrationKey key = MigrationKey.of(s.id());
      seen.add(key);
      Recorded r = recorded.get(key);
      MigrationVersion v = s.id().version();
      if (r == null || r.status() == Status.REVERTED) {
        MigrationState state;
        if (r == null && baseline != null && !v.isNewerThan(baseline)) {
          state = MigrationState.BASELINED;
        } else if (settings.target() != null && v.isNewerThan(settings.target())) {
          state = MigrationState.ABOVE_TARGET;
        } else if (!settings.outOfOrder()
            && newestApplied != null
            && newestApplied.isNewerThan(v)) {
          state = MigrationState.OUT_OF_ORDER;
          problems.add(
              new ValidationProblem(
                  Kind.OUT_OF_ORDER,
                  v,
                  s.id().description(),
                  s.id()
                      + " ("
                      + s.up().origin()
                      + ") is pending but older than the newest applied version "
                      + newestApplied
                      + "; renumber it above "
                      + newestApplied
                      + ", or allow it with strata.outOfOrder=true"));
        } else {
          state = r == null ? MigrationState.PENDING : MigrationState.REVERTED;
          pending.add(s);
        }
        if (status != null) {
          status.add(s.id(), state, s.up().origin(), r, s.phase());
        }
      } else {
        MigrationState state = assess(s, r, problems);
        if (status != null) {
          status.add(s.id(), state, s.up().origin(), r, s.phase());
        }
        if (r.status() == Status.APPLIED) {
          applied.add(s);
        }
      }
    }
    addMissing(recorded, seen, status, problems);
    pending = inPhase(pending, settings.phase(), problems);
    if (settings.phase() != MigrationPhase.CONTRACT) {
      addRepeatables(sources, recorded, status, pending, problems);
    }
    return new Reconciliation(
        status == null ? List.of() : status.rows, pending, problems, reverse(applied));
  }

  /**
   * The pending versioned migrations of one phase: for expand, those before the first contract
   * migration; for contract, the contract migrations at the head, once no expand migration precedes
   * them.
   */
  private static List<SourceMigration> inPhase(
      List<SourceMigration> pending,
      @Nullable MigrationPhase phase,
      List<ValidationProblem> problems) {
    if (phase == null) {
      return pending;
    }
    List<SourceMigration> selected = new ArrayList<>();
    for (SourceMigration s : pending) {
      if (s.phase() != phase) {
        break;
      }
      selected.add(s);
    }
    if (phase == MigrationPhase.CONTRACT && selected.isEmpty()) {
      pending.stream()
          .filter(s -> s.phase() == MigrationPhase.CONTRACT)
          .findFirst()
          .ifPresent(
              contract -> {
                SourceMigration expand = pending.get(0);
                problems.add(
                    new ValidationProblem(
                        Kind.EXPAND_PENDING,
                        expand.id().version(),
                        expand.id().description(),
                        expand.id()
                            + " ("
                            + expand.up().origin()
                            + ") is an expand migration still"
                            + " pending before the contract migration "
                            + contract.id()
                            + "; run `migrate` with strata.phase=expand first"));
              });
    }
    return selected;
  }

  private static MigrationState assess(
      SourceMigration s, Recorded r, List<ValidationProblem> problems) {
    if (r.status() == Status.FAILED) {
      problems.add(failedProblem(s.id(), s.up().origin(), r));
      return MigrationState.FAILED;
    }
    if (r.checksum() != null && s.checksum() != null && !r.checksum().equals(s.checksum())) {
      problems.add(
          new ValidationProblem(
              Kind.EDITED,
              s.id().version(),
              s.id().description(),
              s.id()
                  + " ("
                  + s.up().origin()
                  + ") was edited after it was applied (checksum "
                  + r.checksum()
                  + " recorded, "
                  + s.checksum()
                  + " now); restore the applied text and put the change in a new migration,"
                  + " or accept the edit with `repair`"));
      return MigrationState.EDITED;
    }
    return r.status() == Status.BASELINED ? MigrationState.BASELINED : MigrationState.APPLIED;
  }

  /** Adds the applied migrations no source has; their rows to {@code status} unless it is null. */
  private static void addMissing(
      RecordedState recorded,
      Set<MigrationKey> seen,
      @Nullable StatusRows status,
      List<ValidationProblem> problems) {
    List<Map.Entry<MigrationKey, Recorded>> missing =
        recorded.all().entrySet().stream()
            .filter(e -> e.getKey().version() != null && !seen.contains(e.getKey()))
            .filter(e -> e.getValue().status() != Status.REVERTED)
            .sorted(Comparator.comparing(e -> e.getKey().version()))
            .toList();
    for (Map.Entry<MigrationKey, Recorded> e : missing) {
      Recorded r = e.getValue();
      MigrationId id = r.latest().id();
      MigrationState state;
      if (r.status() == Status.BASELINED) {
        state = MigrationState.BASELINED;
      } else if (r.status() == Status.FAILED) {
        state = MigrationState.FAILED;
        problems.add(failedProblem(id, r.latest().script(), r));
      } else {
        state = MigrationState.MISSING;
        problems.add(
            new ValidationProblem(
                Kind.MISSING,
                id.version(),
                id.description(),
                id
                    + " ("
                    + r.latest().script()
                    + ") is applied but no source has it any more; restore the file, or check"
                    + " that strata.sources points at the right location"));
      }
      if (status != null) {
        status.insert(id, state, r);
      }
    }
  }

  /** Adds the repeatable migrations; their rows to {@code status} unless it is null. */
  private static void addRepeatables(
      List<SourceMigration> sources,
      RecordedState recorded,
      @Nullable StatusRows status,
      List<SourceMigration> pending,
      List<ValidationProblem> problems) {
    List<SourceMigration> repeatables =
        sources.stream()
            .filter(s -> s.id().version() == null)
            .sorted(Comparator.comparing(s -> s.id().description()))
            .toList();
    for (SourceMigration s : repeatables) {
      Recorded r = recorded.get(MigrationKey.of(s.id()));
      MigrationState state;
      if (r != null && r.status() == Status.FAILED) {
        state = MigrationState.FAILED;
        problems.add(failedProblem(s.id(), s.up().origin(), r));
      } else if (r != null
          && r.status() == Status.APPLIED
          && java.util.Objects.equals(s.checksum(), r.checksum())) {
        state = MigrationState.APPLIED;
      } else {
        state = MigrationState.PENDING;
        pending.add(s);
      }
      if (status != null) {
        status.add(s.id(), state, s.up().origin(), r, s.phase());
      }
    }
    if (status == null) {
      return;
    }
    // A repeatable whose file was deleted is shown, but blocks nothing: nothing depends on it.
    Set<MigrationKey> present = new HashSet<>();
    repeatables.forEach(s -> present.add(MigrationKey.of(s.id())));
    recorded.all().entrySet().stream()
        .filter(e -> e.getKey().repeatable() != null && !present.contains(e.getKey()))
        .filter(e -> e.getValue().status() == Status.APPLIED)
        .sorted(Comparator.comparing(e -> e.getKey().repeatable()))
        .forEach(
            e ->
                status.add(
                    e.getValue().latest().id(),
                    MigrationState.MISSING,
                    null,
                    e.getValue(),
                    MigrationPhase.EXPAND));
  }

  private static ValidationProblem failedProblem(MigrationId id, String origin, Recorded r) {
    String verb = r.latest().action().name().equals("REVERT") ? "reverting" : "applying";
    int applied = r.latest().statementsApplied();
    String how =
        applied < 0
            ? " was interrupted (the process died or lost its connection) while statement "
                + (-applied)
                + " ran; statements before it had completed and statement "
                + (-applied)
                + " may have completed on the server too,"
            : " after " + applied + " statement(s) had completed,";
    return new ValidationProblem(
        Kind.FAILED,
        id.version(),
        id.description(),
        id
            + " ("
            + origin
            + ") failed while "
            + verb
            + how
            + " so the database may be half-migrated; finish or undo those statements by hand,"
            + " then run `repair` and migrate again");
  }

  private static @Nullable MigrationVersion newestApplied(RecordedState recorded) {
    MigrationVersion newest = null;
    for (Map.Entry<MigrationKey, Recorded> e : recorded.all().entrySet()) {
      MigrationVersion v = e.getKey().version();
      Status st = e.getValue().status();
      if (v != null && st != Status.REVERTED && (newest == null || v.isNewerThan(newest))) {
        newest = v;
      }
    }
    return newest;
  }

  /** The status rows being built, and the whole history rows their audit columns come from. */
  private static final class StatusRows {
    private final List<MigrationInfo> rows;
    private final Map<Long, HistoryEntry> audit;

    StatusRows(int expected, Map<Long, HistoryEntry> audit) {
      this.rows = new ArrayList<>(expected);
      this.audit = audit;
    }

    void add(
        MigrationId id,
        MigrationState state,
        @Nullable String origin,
        @Nullable Recorded r,
        MigrationPhase phase) {
      rows.add(info(id, state, origin, r, phase));
    }

    /** A row of a migration no source has, among the versioned rows where its version goes. */
    void insert(MigrationId id, MigrationState state, Recorded r) {
      int i = 0;
      while (i < rows.size()
          && rows.get(i).id().version() != null
          && id.version() != null
          && id.version().isNewerThan(rows.get(i).id().version())) {
        i++;
      }
      rows.add(i, info(id, state, null, r, MigrationPhase.EXPAND));
    }

    private MigrationInfo info(
        MigrationId id,
        MigrationState state,
        @Nullable String origin,
        @Nullable Recorded r,
        MigrationPhase phase) {
      PlanningRow lastApply = r == null || r.status() == Status.REVERTED ? null : r.lastApply();
      HistoryEntry apply = lastApply == null ? null : audit.get(lastApply.rank());
      return new MigrationInfo(
          id,
          state,
          origin,
          apply == null ? null : apply.installedAt(),
          apply == null ? null : apply.installedBy(),
          apply == null ? null : apply.durationMs(),
          phase,
          apply == null ? null : apply.runId(),
          apply == null ? null : apply.release());
    }
  }

  private static List<SourceMigration> reverse(List<SourceMigration> list) {
    List<SourceMigration> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
