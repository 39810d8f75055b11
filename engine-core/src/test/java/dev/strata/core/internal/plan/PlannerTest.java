package dev.strata.core.internal.plan;

import static dev.strata.core.internal.plan.PlanScenario.checksum;
import static dev.strata.core.internal.plan.PlanScenario.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.ValidationProblem;
import dev.strata.api.ValidationProblem.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlannerTest {

  /** {@code V1 init=PENDING}-style lines, one per status row, in order. */
  private static List<String> states(Reconciliation r) {
    return r.status().stream().map(i -> i.id() + "=" + i.state()).toList();
  }

  private static List<String> pending(Reconciliation r) {
    return r.pending().stream().map(s -> s.id().toString()).toList();
  }

  private static List<String> appliedNewestFirst(Reconciliation r) {
    return r.appliedNewestFirst().stream().map(s -> s.id().toString()).toList();
  }

  private static MigrationInfo row(Reconciliation r, String id) {
    return r.status().stream().filter(i -> i.id().toString().equals(id)).findFirst().orElseThrow();
  }

  // Pending and applied

  @Test
  void everyMigrationIsPendingOnAnEmptyHistory() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a")
            .source("2", "users", "create b")
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=PENDING", "V2 users=PENDING");
    assertThat(pending(r)).containsExactly("V1 init", "V2 users");
    assertThat(r.problems()).isEmpty();
    assertThat(r.appliedNewestFirst()).isEmpty();
    assertThat(row(r, "V1 init").origin()).isEqualTo("db/V1__init.sql");
    assertThat(row(r, "V1 init").appliedAt()).isNull();
    assertThat(row(r, "V1 init").appliedBy()).isNull();
    assertThat(row(r, "V1 init").durationMs()).isNull();
  }

  @Test
  void withoutStatusRowsFindsTheSamePendingMigrationsAndProblems() {
    PlanScenario scenario =
        new PlanScenario()
            .source("1", "init", "create a")
            .source("2", "users", "create b -- edited")
            .source("4", "orders", "create d")
            .repeatable("views", "create view v")
            .applied("1", "init", "create a")
            .applied("2", "users", "create b")
            .applied("3", "gone", "create c");

    Reconciliation full = scenario.reconcile();
    Reconciliation lean = scenario.pending();

    assertThat(full.status()).hasSize(5);
    assertThat(lean.status()).isEmpty();
    assertThat(pending(lean)).isEqualTo(pending(full)).containsExactly("V4 orders", "R views");
    assertThat(lean.problems()).isEqualTo(full.problems()).hasSize(2);
    assertThat(appliedNewestFirst(lean)).isEqualTo(appliedNewestFirst(full));
  }

  @Test
  void ordersPendingMigrationsByVersionWhateverTheSourceOrder() {
    PlanScenario scenario = new PlanScenario();
    for (String version : List.of("1.10", "1.2", "10", "9", "1", "1.1", "20210410175418000000")) {
      scenario.source(version, "m" + version, "sql " + version);
    }
    Collections.shuffle(scenario.sources(), new Random(7));

    Reconciliation r = scenario.reconcile();

    assertThat(r.pending())
        .extracting(s -> s.id().version().toString())
        .containsExactly("1", "1.1", "1.2", "1.10", "9", "10", "20210410175418000000");
  }

  @Test
  void anAppliedMigrationWithTheSameChecksumIsAppliedAndNotPending() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a")
            .source("2", "users", "create b")
            .applied("1", "init", "create a")
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED", "V2 users=PENDING");
    assertThat(pending(r)).containsExactly("V2 users");
    assertThat(r.problems()).isEmpty();
    assertThat(appliedNewestFirst(r)).containsExactly("V1 init");
  }

  @Test
  void anAppliedRowTellsWhenByWhomAndHowLong() {
    PlanScenario scenario =
        new PlanScenario().source("1", "init", "create a").applied("1", "init", "create a");
    HistoryEntry apply = scenario.history().get(0);

    MigrationInfo info = row(scenario.reconcile(), "V1 init");

    assertThat(info.appliedAt()).isEqualTo(apply.installedAt());
    assertThat(info.appliedBy()).isEqualTo("migrator");
    assertThat(info.durationMs()).isEqualTo(apply.durationMs());
    assertThat(info.origin()).isEqualTo("db/V1__init.sql");
  }

  @Test
  void isUpToDateWhenEveryMigrationIsApplied() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a")
            .source("2", "users", "create b")
            .applied("1", "init", "create a")
            .applied("2", "users", "create b")
            .reconcile();

    assertThat(r.pending()).isEmpty();
    assertThat(r.problems()).isEmpty();
    assertThat(appliedNewestFirst(r)).containsExactly("V2 users", "V1 init");
  }

  @Test
  void matchesHistoryAndSourcesByVersionNotByDescriptionOrSpelling() {
    Reconciliation r =
        new PlanScenario()
            .source("1.0", "initial schema", "create a")
            .applied("1", "init", "create a")
            .reconcile();

    assertThat(r.status())
        .singleElement()
        .extracting(MigrationInfo::state)
        .isEqualTo(MigrationState.APPLIED);
    assertThat(r.pending()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void replaysHistoryRowsByRankNotByListOrder() {
    PlanScenario scenario =
        new PlanScenario()
            .source("1", "init", "create a")
            .applied("1", "init", "create a")
            .row("1", "init", HistoryAction.REVERT, null, true, 1);
    List<HistoryEntry> reversed = new ArrayList<>(scenario.history());
    Collections.reverse(reversed);

    Reconciliation r =
        Planner.reconcile(scenario.sources(), reversed, new PlanSettings(null, false));

    assertThat(states(r)).containsExactly("V1 init=REVERTED");
    assertThat(pending(r)).containsExactly("V1 init");
  }

  // Edited

  @Test
  void anAppliedMigrationWhoseChecksumChangedIsEditedAndAProblem() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a -- edited")
            .source("2", "users", "create b")
            .applied("1", "init", "create a")
            .applied("2", "users", "create b")
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=EDITED", "V2 users=APPLIED");
    assertThat(r.pending()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.EDITED);
              assertThat(p.version()).isEqualTo(v("1"));
              assertThat(p.description()).isEqualTo("init");
              assertThat(p.message())
                  .startsWith("V1 init (db/V1__init.sql) was edited after it was applied")
                  .contains(checksum("create a"), checksum("create a -- edited"))
                  .contains("`repair`");
            });
  }

  @Test
  void realigningTheChecksumAcceptsTheEdit() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a -- edited")
            .applied("1", "init", "create a")
            .row(
                "1",
                "init",
                HistoryAction.REALIGN_CHECKSUM,
                checksum("create a -- edited"),
                true,
                0)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED");
    assertThat(r.problems()).isEmpty();
    assertThat(r.pending()).isEmpty();
    assertThat(appliedNewestFirst(r)).containsExactly("V1 init");
  }

  @Test
  void anEditAfterARealignIsEditedAgain() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a -- edited twice")
            .applied("1", "init", "create a")
            .row(
                "1",
                "init",
                HistoryAction.REALIGN_CHECKSUM,
                checksum("create a -- edited"),
                true,
                0)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=EDITED");
    assertThat(r.problems()).extracting(ValidationProblem::kind).containsExactly(Kind.EDITED);
  }

  @Test
  void realigningKeepsWhenTheMigrationWasApplied() {
    PlanScenario scenario =
        new PlanScenario()
            .source("1", "init", "create a -- edited")
            .applied("1", "init", "create a")
            .row(
                "1",
                "init",
                HistoryAction.REALIGN_CHECKSUM,
                checksum("create a -- edited"),
                true,
                0);

    MigrationInfo info = row(scenario.reconcile(), "V1 init");

    assertThat(info.appliedAt()).isEqualTo(scenario.history().get(0).installedAt());
  }

  // Missing

  @Test
  void anAppliedMigrationWithoutSourceIsMissingAndAProblem() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a")
            .applied("1", "init", "create a")
            .applied("2", "users", "create b")
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED", "V2 users=MISSING");
    assertThat(row(r, "V2 users").origin()).isNull();
    assertThat(row(r, "V2 users").appliedBy()).isEqualTo("migrator");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.MISSING);
              assertThat(p.version()).isEqualTo(v("2"));
              assertThat(p.description()).isEqualTo("users");
              assertThat(p.message())
                  .isEqualTo(
                      "V2 users (db/V2__users.sql) is applied but no source has it any more; restore the"
                          + " file, or check that strata.sources points at the right location");
            });
  }

  @Test
  void aRevertedMigrationWithoutSourceIsNeitherMissingNorListed() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a")
            .applied("1", "init", "create a")
            .applied("2", "users", "create b")
            .row("2", "users", HistoryAction.REVERT, null, true, 1)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aBaselineWithoutSourceIsBaselinedNotMissing() {
    Reconciliation r = new PlanScenario().source("4", "more", "x").baseline("3").reconcile();

    assertThat(r.status())
        .extracting(i -> i.id().version().toString() + "=" + i.state())
        .containsExactly("3=BASELINED", "4=PENDING");
    assertThat(r.problems()).isEmpty();
    assertThat(pending(r)).containsExactly("V4 more");
  }

  @Test
  void aFailedMigrationWithoutSourceIsFailed() {
    Reconciliation r =
        new PlanScenario()
            .row("2", "users", HistoryAction.APPLY, checksum("b"), false, 3)
            .reconcile();

    assertThat(states(r)).containsExactly("V2 users=FAILED");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.FAILED);
              assertThat(p.message())
                  .startsWith(
                      "V2 users (db/V2__users.sql) failed while applying after 3 statement(s)");
            });
  }

  // Failed

  @Test
  void aFailedAttemptThatCompletedStatementsMakesTheMigrationFailed() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a")
            .source("2", "users", "create b; create c")
            .applied("1", "init", "create a")
            .row("2", "users", HistoryAction.APPLY, checksum("create b; create c"), false, 1)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED", "V2 users=FAILED");
    assertThat(r.pending()).isEmpty();
    assertThat(appliedNewestFirst(r)).containsExactly("V1 init");
    assertThat(row(r, "V2 users").appliedAt()).isNull();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.FAILED);
              assertThat(p.version()).isEqualTo(v("2"));
              assertThat(p.description()).isEqualTo("users");
              assertThat(p.message())
                  .isEqualTo(
                      "V2 users (db/V2__users.sql) failed while applying after 1 statement(s) had"
                          + " completed, so the database may be half-migrated; finish or undo those"
                          + " statements by hand, then run `repair` and migrate again");
            });
  }

  @Test
  void aFailedRevertThatCompletedStatementsMakesTheMigrationFailed() {
    Reconciliation r =
        new PlanScenario()
            .sourceWithDown("1", "init", "create a")
            .applied("1", "init", "create a")
            .row("1", "init", HistoryAction.REVERT, null, false, 2)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=FAILED");
    assertThat(r.pending()).isEmpty();
    assertThat(r.appliedNewestFirst()).isEmpty();
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.FAILED);
              assertThat(p.message()).contains("failed while reverting after 2 statement(s)");
            });
  }

  @Test
  void aFailedAttemptThatCompletedNoStatementLeavesTheMigrationPending() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a")
            .row("1", "init", HistoryAction.APPLY, checksum("create a"), false, 0)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=PENDING");
    assertThat(pending(r)).containsExactly("V1 init");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aFailedRevertThatCompletedNoStatementLeavesTheMigrationApplied() {
    Reconciliation r =
        new PlanScenario()
            .sourceWithDown("1", "init", "create a")
            .applied("1", "init", "create a")
            .row("1", "init", HistoryAction.REVERT, null, false, 0)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED");
    assertThat(r.problems()).isEmpty();
    assertThat(appliedNewestFirst(r)).containsExactly("V1 init");
  }

  @Test
  void clearingAFailedFirstAttemptMakesTheMigrationPendingAgain() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a")
            .row("1", "init", HistoryAction.APPLY, checksum("create a"), false, 2)
            .row("1", "init", HistoryAction.CLEAR_FAILED, null, true, 0)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=PENDING");
    assertThat(pending(r)).containsExactly("V1 init");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void clearingAFailedRevertRestoresTheAppliedState() {
    Reconciliation r =
        new PlanScenario()
            .sourceWithDown("1", "init", "create a")
            .applied("1", "init", "create a")
            .row("1", "init", HistoryAction.REVERT, null, false, 1)
            .row("1", "init", HistoryAction.CLEAR_FAILED, null, true, 0)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED");
    assertThat(r.problems()).isEmpty();
    assertThat(appliedNewestFirst(r)).containsExactly("V1 init");
  }

  @Test
  void clearingAFailedReapplyAfterARevertMakesTheMigrationPendingAgain() {
    Reconciliation r =
        new PlanScenario()
            .sourceWithDown("1", "init", "create a")
            .applied("1", "init", "create a")
            .row("1", "init", HistoryAction.REVERT, null, true, 1)
            .row("1", "init", HistoryAction.APPLY, checksum("create a"), false, 1)
            .row("1", "init", HistoryAction.CLEAR_FAILED, null, true, 0)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=REVERTED");
    assertThat(pending(r)).containsExactly("V1 init");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void clearingWhenNothingFailedChangesNothing() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "create a")
            .applied("1", "init", "create a")
            .row("1", "init", HistoryAction.CLEAR_FAILED, null, true, 0)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED");
    assertThat(r.problems()).isEmpty();
  }

  // Reverted

  @Test
  void aRevertedMigrationIsPendingAgain() {
    Reconciliation r =
        new PlanScenario()
            .sourceWithDown("1", "init", "create a")
            .sourceWithDown("2", "users", "create b")
            .applied("1", "init", "create a")
            .applied("2", "users", "create b")
            .row("2", "users", HistoryAction.REVERT, null, true, 1)
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED", "V2 users=REVERTED");
    assertThat(pending(r)).containsExactly("V2 users");
    assertThat(r.problems()).isEmpty();
    assertThat(appliedNewestFirst(r)).containsExactly("V1 init");
    assertThat(row(r, "V2 users").appliedAt()).isNull();
  }

  @Test
  void aRevertedMigrationIsNotOutOfOrderAgainstItself() {
    Reconciliation r =
        new PlanScenario()
            .sourceWithDown("1", "init", "create a")
            .applied("1", "init", "create a")
            .row("1", "init", HistoryAction.REVERT, null, true, 1)
            .reconcile();

    assertThat(pending(r)).containsExactly("V1 init");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aReappliedMigrationIsAppliedWithItsNewChecksum() {
    Reconciliation r =
        new PlanScenario()
            .sourceWithDown("1", "init", "create a v2")
            .applied("1", "init", "create a")
            .row("1", "init", HistoryAction.REVERT, null, true, 1)
            .applied("1", "init", "create a v2")
            .reconcile();

    assertThat(states(r)).containsExactly("V1 init=APPLIED");
    assertThat(r.problems()).isEmpty();
  }

  // Out of order

  @Test
  void refusesAPendingMigrationOlderThanTheNewestAppliedByDefault() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "a")
            .source("2", "late", "b")
            .source("3", "users", "c")
            .source("4", "next", "d")
            .applied("1", "init", "a")
            .applied("3", "users", "c")
            .reconcile();

    assertThat(states(r))
        .containsExactly(
            "V1 init=APPLIED", "V2 late=OUT_OF_ORDER", "V3 users=APPLIED", "V4 next=PENDING");
    assertThat(pending(r)).containsExactly("V4 next");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.OUT_OF_ORDER);
              assertThat(p.version()).isEqualTo(v("2"));
              assertThat(p.description()).isEqualTo("late");
              assertThat(p.message())
                  .isEqualTo(
                      "V2 late (db/V2__late.sql) is pending but older than the newest applied version 3;"
                          + " renumber it above 3, or allow it with strata.outOfOrder=true");
            });
  }

  @Test
  void appliesAnOlderPendingMigrationInVersionOrderWhenOutOfOrderIsAllowed() {
    Reconciliation r =
        new PlanScenario()
            .source("4", "next", "d")
            .source("3", "users", "c")
            .source("2", "late", "b")
            .source("1.5", "later", "b2")
            .source("1", "init", "a")
            .applied("1", "init", "a")
            .applied("3", "users", "c")
            .reconcile(new PlanSettings(null, true));

    assertThat(states(r))
        .containsExactly(
            "V1 init=APPLIED",
            "V1.5 later=PENDING",
            "V2 late=PENDING",
            "V3 users=APPLIED",
            "V4 next=PENDING");
    assertThat(pending(r)).containsExactly("V1.5 later", "V2 late", "V4 next");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aRevertedNewerMigrationDoesNotMakeOlderOnesOutOfOrder() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "init", "a")
            .source("2", "late", "b")
            .sourceWithDown("3", "users", "c")
            .applied("1", "init", "a")
            .applied("3", "users", "c")
            .row("3", "users", HistoryAction.REVERT, null, true, 1)
            .reconcile();

    assertThat(pending(r)).containsExactly("V2 late", "V3 users");
    assertThat(r.problems()).isEmpty();
  }

  // Target

  @Test
  void leavesMigrationsAboveTheTargetAlone() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "a", "a")
            .source("2", "b", "b")
            .source("2.1", "c", "c")
            .source("3", "d", "d")
            .reconcile(new PlanSettings(v("2"), false));

    assertThat(states(r))
        .containsExactly(
            "V1 a=PENDING", "V2 b=PENDING", "V2.1 c=ABOVE_TARGET", "V3 d=ABOVE_TARGET");
    assertThat(pending(r)).containsExactly("V1 a", "V2 b");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aTargetWrittenWithTrailingZerosIsTheSameVersion() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "a", "a")
            .source("2", "b", "b")
            .reconcile(new PlanSettings(v("1.0.0"), false));

    assertThat(pending(r)).containsExactly("V1 a");
  }

  @Test
  void aTargetBetweenVersionsIncludesEverythingUpToIt() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "a", "a")
            .source("2", "b", "b")
            .source("3", "c", "c")
            .applied("1", "a", "a")
            .reconcile(new PlanSettings(v("2.5"), false));

    assertThat(pending(r)).containsExactly("V2 b");
    assertThat(row(r, "V3 c").state()).isEqualTo(MigrationState.ABOVE_TARGET);
  }

  // Baseline

  @Test
  void aBaselineCoversEveryVersionUpToIt() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "a", "a")
            .source("2", "b", "b")
            .source("3", "c", "c")
            .source("4", "d", "d")
            .source("5", "e", "e")
            .baseline("3")
            .reconcile();

    assertThat(r.status())
        .extracting(i -> i.id().version() + "=" + i.state())
        .containsExactly("1=BASELINED", "2=BASELINED", "3=BASELINED", "4=PENDING", "5=PENDING");
    assertThat(pending(r)).containsExactly("V4 d", "V5 e");
    assertThat(r.problems()).isEmpty();
    assertThat(r.appliedNewestFirst()).isEmpty();
  }

  @Test
  void anAdoptedMigrationCoversOnlyItselfSoAnOlderOneTheOtherToolNeverAppliedStaysPending() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "a", "a")
            .source("2", "b", "b")
            .source("3", "c", "c")
            .row("1", "a", HistoryAction.BASELINE, PlanScenario.checksum("a"), true, 0)
            .row("3", "c", HistoryAction.BASELINE, PlanScenario.checksum("c"), true, 0)
            .reconcile(new PlanSettings(null, true));

    assertThat(r.status())
        .extracting(i -> i.id().version() + "=" + i.state())
        .containsExactly("1=BASELINED", "2=PENDING", "3=BASELINED");
    assertThat(pending(r)).containsExactly("V2 b");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void aBaselineAboveEverySourceLeavesNothingPending() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "a", "a")
            .source("2", "b", "b")
            .baseline("20240101000000")
            .reconcile();

    assertThat(r.pending()).isEmpty();
    assertThat(r.problems()).isEmpty();
    assertThat(r.status()).extracting(MigrationInfo::state).containsOnly(MigrationState.BASELINED);
  }

  // Repeatable

  @Test
  void runsNewRepeatablesAfterTheVersionedOnesOrderedByDescription() {
    Reconciliation r =
        new PlanScenario()
            .repeatable("views", "create view v")
            .source("2", "b", "b")
            .repeatable("functions", "create function f")
            .source("1", "a", "a")
            .repeatable("audit triggers", "create trigger t")
            .reconcile();

    assertThat(pending(r))
        .containsExactly("V1 a", "V2 b", "R audit triggers", "R functions", "R views");
    assertThat(states(r))
        .containsExactly(
            "V1 a=PENDING",
            "V2 b=PENDING",
            "R audit triggers=PENDING",
            "R functions=PENDING",
            "R views=PENDING");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void rerunsARepeatableWhoseChecksumChanged() {
    Reconciliation r =
        new PlanScenario()
            .repeatable("views", "create view v -- changed")
            .appliedRepeatable("views", "create view v")
            .reconcile();

    assertThat(states(r)).containsExactly("R views=PENDING");
    assertThat(pending(r)).containsExactly("R views");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void leavesAnUnchangedRepeatableAlone() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "a", "a")
            .repeatable("views", "create view v")
            .applied("1", "a", "a")
            .appliedRepeatable("views", "create view v")
            .reconcile();

    assertThat(states(r)).containsExactly("V1 a=APPLIED", "R views=APPLIED");
    assertThat(r.pending()).isEmpty();
    assertThat(r.problems()).isEmpty();
    assertThat(appliedNewestFirst(r)).containsExactly("V1 a");
  }

  @Test
  void aRepeatableAppliedTwiceUsesItsLatestChecksum() {
    Reconciliation r =
        new PlanScenario()
            .repeatable("views", "v2")
            .appliedRepeatable("views", "v1")
            .appliedRepeatable("views", "v2")
            .reconcile();

    assertThat(states(r)).containsExactly("R views=APPLIED");
    assertThat(r.pending()).isEmpty();
  }

  @Test
  void aRepeatableWhoseLastRunFailedPartWayIsFailed() {
    Reconciliation r =
        new PlanScenario()
            .repeatable("views", "create view v; create view w")
            .row(
                new dev.strata.api.MigrationId(null, "views"),
                HistoryAction.APPLY,
                checksum("create view v; create view w"),
                false,
                1)
            .reconcile();

    assertThat(states(r)).containsExactly("R views=FAILED");
    assertThat(r.problems()).extracting(ValidationProblem::kind).containsExactly(Kind.FAILED);
    assertThat(r.pending()).isEmpty();
  }

  // Status rows

  @Test
  void listsStatusRowsByVersionWithMissingOnesInPlaceAndRepeatablesLast() {
    Reconciliation r =
        new PlanScenario()
            .repeatable("views", "v")
            .source("5", "e", "e")
            .source("3", "c", "c")
            .source("1", "a", "a")
            .applied("1", "a", "a")
            .applied("2", "b", "b")
            .applied("3", "c", "c")
            .applied("4", "d", "d")
            .applied("0.5", "z", "z")
            .reconcile();

    assertThat(states(r))
        .containsExactly(
            "V0.5 z=MISSING",
            "V1 a=APPLIED",
            "V2 b=MISSING",
            "V3 c=APPLIED",
            "V4 d=MISSING",
            "V5 e=PENDING",
            "R views=PENDING");
    assertThat(r.problems())
        .extracting(p -> p.kind() + " " + p.version())
        .containsExactlyInAnyOrder("MISSING 0.5", "MISSING 2", "MISSING 4");
  }

  @Test
  void listsMissingRowsAfterEverySourceWhenTheyAreNewest() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "a", "a")
            .applied("1", "a", "a")
            .applied("7", "g", "g")
            .applied("10", "j", "j")
            .reconcile();

    assertThat(states(r)).containsExactly("V1 a=APPLIED", "V7 g=MISSING", "V10 j=MISSING");
  }

  @Test
  void combinesEveryStateInOneReconciliation() {
    Reconciliation r =
        new PlanScenario()
            .source("1", "base", "a")
            .source("2", "applied", "b")
            .source("3", "edited", "c -- edited")
            .source("5", "failed", "e")
            .source("6", "pending", "f")
            .source("7", "above", "g")
            .baseline("1")
            .applied("2", "applied", "b")
            .applied("3", "edited", "c")
            .applied("4", "missing", "d")
            .row("5", "failed", HistoryAction.APPLY, checksum("e"), false, 1)
            .reconcile(new PlanSettings(v("6"), false));

    assertThat(r.status())
        .extracting(i -> i.id().version() + "=" + i.state())
        .containsExactly(
            "1=BASELINED",
            "2=APPLIED",
            "3=EDITED",
            "4=MISSING",
            "5=FAILED",
            "6=PENDING",
            "7=ABOVE_TARGET");
    assertThat(r.problems())
        .extracting(ValidationProblem::kind)
        .containsExactlyInAnyOrder(Kind.EDITED, Kind.MISSING, Kind.FAILED);
    assertThat(pending(r)).containsExactly("V6 pending");
  }
}
