package dev.strata.core.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ConfigurationException;
import dev.strata.api.DownRequest;
import dev.strata.api.HistoryAction;
import dev.strata.api.ValidationProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** {@code down --last-run} and {@code down --to-release}, chosen from the history's runs. */
class DownByRunTest {

  /** Release v1 (run r1: V1, V2), release v2 (run r2: V3, V4), each with down scripts. */
  private static PlanScenario twoReleases() {
    PlanScenario scenario = new PlanScenario();
    for (String version : List.of("1", "2", "3", "4")) {
      scenario.sourceWithDown(version, "m" + version, "sql " + version);
    }
    return scenario
        .inRun("r1", "v1")
        .applied("1", "m1", "sql 1")
        .applied("2", "m2", "sql 2")
        .inRun("r2", "v2")
        .applied("3", "m3", "sql 3")
        .applied("4", "m4", "sql 4");
  }

  private static DownPlanner.Selection select(
      PlanScenario scenario, DownRequest request, @Nullable String pinnedRun) {
    return DownPlanner.select(scenario.reconcile(), scenario.history(), request, pinnedRun);
  }

  private static List<String> chosen(DownPlanner.Selection selection) {
    return selection.steps().stream().map(s -> s.id().version().toString()).toList();
  }

  @Test
  void lastRunRevertsTheMigrationsOfTheRunThatAppliedTheNewestOneNewestFirst() {
    DownPlanner.Selection selection = select(twoReleases(), DownRequest.lastRun(), null);

    assertThat(chosen(selection)).containsExactly("4", "3");
    assertThat(selection.run()).isEqualTo("r2");
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void lastRunPassesOverARunWhoseMigrationsAreReverted() {
    PlanScenario scenario =
        twoReleases()
            .inRun("r3", "v2")
            .row("4", "m4", HistoryAction.REVERT, null, true, 1)
            .row("3", "m3", HistoryAction.REVERT, null, true, 1);

    assertThat(chosen(select(scenario, DownRequest.lastRun(), null))).containsExactly("2", "1");
  }

  @Test
  void aPinnedRunThatAnotherProcessRevertedMeanwhileLeavesNothingToRevert() {
    PlanScenario scenario =
        twoReleases()
            .inRun("r3", null)
            .row("4", "m4", HistoryAction.REVERT, null, true, 1)
            .row("3", "m3", HistoryAction.REVERT, null, true, 1);

    assertThat(select(scenario, DownRequest.lastRun(), "r2").steps()).isEmpty();
  }

  @Test
  void lastRunRevertsOnlyWhatOfTheRunIsStillApplied() {
    PlanScenario scenario =
        twoReleases().inRun("r3", null).row("4", "m4", HistoryAction.REVERT, null, true, 1);

    assertThat(chosen(select(scenario, DownRequest.lastRun(), null))).containsExactly("3");
  }

  @Test
  void lastRunRefusesWhenTheNewestMigrationWasAppliedBeforeRunsWereRecorded() {
    PlanScenario scenario =
        new PlanScenario().sourceWithDown("1", "m1", "sql 1").applied("1", "m1", "sql 1");

    assertThatThrownBy(() -> select(scenario, DownRequest.lastRun(), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("V1 m1")
        .hasMessageContaining("before Strata recorded runs");
  }

  @Test
  void lastRunWithNothingAppliedRevertsNothing() {
    PlanScenario scenario = new PlanScenario().sourceWithDown("1", "m1", "sql 1");

    assertThat(select(scenario, DownRequest.lastRun(), null).steps()).isEmpty();
  }

  @Test
  void toReleaseRevertsEveryMigrationAppliedAfterThatReleasesNewestRun() {
    PlanScenario scenario =
        twoReleases().inRun("r3", "v2.1").source("5", "m5", "sql 5").applied("5", "m5", "sql 5");

    DownPlanner.Selection selection = select(scenario, DownRequest.toRelease("v1"), null);

    assertThat(chosen(selection)).containsExactly("5", "4", "3");
    assertThat(selection.problems())
        .extracting(ValidationProblem::kind)
        .containsExactly(ValidationProblem.Kind.NO_DOWN_SCRIPT);
  }

  @Test
  void aRunThatOnlyRevertedDoesNotStandForItsRelease() {
    // Rolled back from v2 by a down labelled v2, then v2 migrated again.
    PlanScenario scenario =
        twoReleases()
            .inRun("r3", "v2")
            .row("4", "m4", HistoryAction.REVERT, null, true, 1)
            .row("3", "m3", HistoryAction.REVERT, null, true, 1)
            .inRun("r4", "v2")
            .applied("3", "m3", "sql 3")
            .applied("4", "m4", "sql 4");

    assertThat(select(scenario, DownRequest.toRelease("v2"), null).steps()).isEmpty();
    assertThat(chosen(select(scenario, DownRequest.toRelease("v1"), null)))
        .containsExactly("4", "3");
  }

  @Test
  void toReleaseRefusesALabelNoRunCarriesNamingTheRecordedOnes() {
    assertThatThrownBy(() -> select(twoReleases(), DownRequest.toRelease("v0"), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("No run in the history is labelled 'v0' (labels recorded: v1, v2)");
  }

  @Test
  void reportsTheRepeatableMigrationsTheRevertedRunApplied() {
    PlanScenario scenario =
        twoReleases()
            .repeatable("views", "create view")
            .inRun("r2", "v2")
            .appliedRepeatable("views", "create view");

    DownPlanner.Selection lastRun = select(scenario, DownRequest.lastRun(), null);
    DownPlanner.Selection toRelease = select(scenario, DownRequest.toRelease("v1"), null);

    assertThat(chosen(lastRun)).containsExactly("4", "3");
    assertThat(lastRun.repeatables())
        .extracting(e -> e.id().description())
        .containsExactly("views");
    assertThat(toRelease.repeatables())
        .extracting(e -> e.id().description())
        .containsExactly("views");
  }
}
