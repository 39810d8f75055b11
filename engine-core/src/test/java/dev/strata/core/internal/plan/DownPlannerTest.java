package dev.strata.core.internal.plan;

import static dev.strata.core.internal.plan.PlanScenario.checksum;
import static dev.strata.core.internal.plan.PlanScenario.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.HistoryAction;
import dev.strata.api.MigrationVersion;
import dev.strata.api.ValidationProblem;
import dev.strata.api.ValidationProblem.Kind;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DownPlannerTest {

  /** V1..V4 with down scripts, all applied. */
  private static PlanScenario fourApplied() {
    PlanScenario scenario = new PlanScenario();
    for (String version : List.of("1", "2", "3", "4")) {
      scenario
          .sourceWithDown(version, "m" + version, "sql " + version)
          .applied(version, "m" + version, "sql " + version);
    }
    return scenario;
  }

  private static DownPlanner.Selection select(
      PlanScenario scenario, @Nullable Integer steps, @Nullable MigrationVersion to) {
    return DownPlanner.select(scenario.reconcile(), steps, to);
  }

  private static List<String> chosen(DownPlanner.Selection selection) {
    return selection.steps().stream().map(s -> s.id().version().toString()).toList();
  }

  @Test
  void stepsOneRevertsTheNewestAppliedMigration() {
    DownPlanner.Selection selection = select(fourApplied(), 1, null);

    assertThat(chosen(selection)).containsExactly("4");
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void stepsNRevertsTheNewestNAppliedMigrationsNewestFirst() {
    DownPlanner.Selection selection = select(fourApplied(), 3, null);

    assertThat(chosen(selection)).containsExactly("4", "3", "2");
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void stepsLargerThanTheAppliedCountRevertEveryAppliedMigration() {
    DownPlanner.Selection selection = select(fourApplied(), 10, null);

    assertThat(chosen(selection)).containsExactly("4", "3", "2", "1");
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void choosesByVersionNotByTheOrderOfTheSources() {
    PlanScenario scenario =
        new PlanScenario()
            .sourceWithDown("10", "ten", "t")
            .sourceWithDown("9", "nine", "n")
            .sourceWithDown("1.10", "one ten", "ot")
            .sourceWithDown("1.2", "one two", "o2")
            .applied("1.2", "one two", "o2")
            .applied("1.10", "one ten", "ot")
            .applied("9", "nine", "n")
            .applied("10", "ten", "t");

    assertThat(chosen(select(scenario, 3, null))).containsExactly("10", "9", "1.10");
  }

  @Test
  void toRevertsEveryAppliedMigrationNewerThanTheVersion() {
    DownPlanner.Selection selection = select(fourApplied(), null, v("2"));

    assertThat(chosen(selection)).containsExactly("4", "3");
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void toAVersionBetweenAppliedOnesRevertsTheNewerOnes() {
    assertThat(chosen(select(fourApplied(), null, v("2.5")))).containsExactly("4", "3");
  }

  @Test
  void toTheNewestAppliedVersionRevertsNothing() {
    DownPlanner.Selection selection = select(fourApplied(), null, v("4"));

    assertThat(selection.steps()).isEmpty();
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void toZeroRevertsEveryAppliedMigration() {
    assertThat(chosen(select(fourApplied(), null, v("0")))).containsExactly("4", "3", "2", "1");
  }

  @Test
  void pendingAndRevertedMigrationsAreNeverChosen() {
    PlanScenario scenario =
        new PlanScenario()
            .sourceWithDown("1", "a", "a")
            .sourceWithDown("2", "b", "b")
            .sourceWithDown("3", "c", "c")
            .sourceWithDown("4", "d", "d")
            .applied("1", "a", "a")
            .applied("2", "b", "b")
            .applied("3", "c", "c")
            .row("3", "c", HistoryAction.REVERT, null, true, 1);

    DownPlanner.Selection selection = select(scenario, 1, null);

    assertThat(chosen(selection)).containsExactly("2");
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void aMissingDownScriptIsAProblemNamingTheFile() {
    PlanScenario scenario =
        new PlanScenario()
            .sourceWithDown("1", "init", "a")
            .source("2", "add users", "b")
            .applied("1", "init", "a")
            .applied("2", "add users", "b");

    DownPlanner.Selection selection = select(scenario, 1, null);

    assertThat(chosen(selection)).containsExactly("2");
    assertThat(selection.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(Kind.NO_DOWN_SCRIPT);
              assertThat(p.version()).isEqualTo(v("2"));
              assertThat(p.description()).isEqualTo("add users");
              assertThat(p.message())
                  .isEqualTo(
                      "V2 add users (db/V2__add_users.sql) has no down script; add one (U2__….sql or"
                          + " 2_….down.sql, empty for a no-op) to revert it");
            });
  }

  @Test
  void aMissingDownScriptOfAMigrationNotChosenIsNoProblem() {
    PlanScenario scenario =
        new PlanScenario()
            .source("1", "init", "a")
            .sourceWithDown("2", "users", "b")
            .applied("1", "init", "a")
            .applied("2", "users", "b");

    DownPlanner.Selection selection = select(scenario, 1, null);

    assertThat(chosen(selection)).containsExactly("2");
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void reportsEveryChosenMigrationWithoutDownScript() {
    PlanScenario scenario =
        new PlanScenario()
            .source("1", "a", "a")
            .sourceWithDown("2", "b", "b")
            .source("3", "c", "c")
            .applied("1", "a", "a")
            .applied("2", "b", "b")
            .applied("3", "c", "c");

    DownPlanner.Selection selection = select(scenario, null, v("0"));

    assertThat(selection.problems())
        .extracting(p -> p.kind() + " " + p.version())
        .containsExactly("NO_DOWN_SCRIPT 3", "NO_DOWN_SCRIPT 1");
  }

  @Test
  void baselinedMigrationsAreNeverChosen() {
    PlanScenario scenario =
        new PlanScenario()
            .sourceWithDown("1", "a", "a")
            .sourceWithDown("2", "b", "b")
            .sourceWithDown("3", "c", "c")
            .baseline("2")
            .applied("3", "c", "c");

    assertThat(chosen(select(scenario, 5, null))).containsExactly("3");
    assertThat(chosen(select(scenario, null, v("0")))).containsExactly("3");
    assertThat(select(scenario, 5, null).problems()).isEmpty();
  }

  @Test
  void nothingIsChosenWhenOnlyABaselineIsRecorded() {
    PlanScenario scenario = new PlanScenario().sourceWithDown("1", "a", "a").baseline("1");

    DownPlanner.Selection selection = select(scenario, 1, null);

    assertThat(selection.steps()).isEmpty();
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void carriesTheReconciliationsProblemsSoDownRefuses() {
    PlanScenario scenario =
        new PlanScenario()
            .sourceWithDown("1", "a", "a -- edited")
            .sourceWithDown("2", "b", "b")
            .applied("1", "a", "a")
            .applied("2", "b", "b")
            .row("3", "c", HistoryAction.APPLY, checksum("c"), false, 1);

    DownPlanner.Selection selection = select(scenario, 1, null);

    assertThat(selection.problems())
        .extracting(ValidationProblem::kind)
        .containsExactlyInAnyOrder(Kind.EDITED, Kind.FAILED);
  }

  @Test
  void theChosenStepsCarryTheirDownScripts() {
    DownPlanner.Selection selection = select(fourApplied(), 2, null);

    assertThat(selection.steps())
        .allSatisfy(s -> assertThat(s.down()).isNotNull())
        .extracting(s -> s.down().origin())
        .containsExactly("db/U4__m4.sql", "db/U3__m3.sql");
  }
}
