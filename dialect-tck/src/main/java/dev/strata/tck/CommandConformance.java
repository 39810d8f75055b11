package dev.strata.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.DownRequest;
import dev.strata.api.DownResult;
import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationPlan;
import dev.strata.api.MigrationState;
import dev.strata.api.PlannedMigration;
import dev.strata.spi.support.HistoryTable;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine's commands on the dialect: idempotent re-runs, down migrations, a plan that changes
 * nothing.
 */
abstract class CommandConformance extends ConformanceGroup {

  @Test
  void appliesNothingAndTakesNoLockWhenRunAgain() throws Exception {
    withTwoMigrations();
    fixture().strata().migrate();
    TckFixture.Snapshot before = fixture().snapshot();

    MigrateResult again = fixture().strata().migrate();

    assertThat(again.applied()).isEmpty();
    assertThat(again.lockTaken()).as("lock taken with nothing to do").isFalse();
    assertThat(fixture().snapshot()).isEqualTo(before);
  }

  @Test
  void appliesOnlyTheNewMigrationOnTheNextRun() throws Exception {
    fixture().file("V1__first.sql", "CREATE TABLE tck_first (id INT);\n");
    fixture().strata().migrate();
    fixture().file("V2__second.sql", "CREATE TABLE tck_second (id INT);\n");

    MigrateResult next = fixture().strata().migrate();

    assertThat(next.applied()).extracting(m -> m.id().toString()).containsExactly("V2 second");
    assertThat(fixture().strata().history())
        .extracting(HistoryEntry::action)
        .containsExactly(HistoryAction.APPLY, HistoryAction.APPLY);
  }

  @Test
  void revertsTheNewestMigrationWithItsDownScript() throws Exception {
    withTwoMigrations();
    fixture().strata().migrate();

    DownResult down = fixture().strata().down(DownRequest.steps(1));

    assertThat(down.reverted()).extracting(m -> m.id().toString()).containsExactly("V2 second");
    assertThat(fixture().tables()).contains("tck_first").doesNotContain("tck_second");
    assertThat(fixture().strata().status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.REVERTED);
    assertThat(fixture().strata().history())
        .extracting(HistoryEntry::action)
        .containsExactly(HistoryAction.APPLY, HistoryAction.APPLY, HistoryAction.REVERT);
  }

  @Test
  void endsWhereItStartedAfterDownAndUpAgain() throws Exception {
    withTwoMigrations();
    fixture().strata().migrate();
    Set<String> migrated = fixture().tables();

    fixture().strata().down(DownRequest.steps(1));
    MigrateResult again = fixture().strata().migrate();

    assertThat(again.applied()).extracting(m -> m.id().toString()).containsExactly("V2 second");
    assertThat(fixture().tables()).isEqualTo(migrated);
    assertThat(fixture().strata().status().isUpToDate()).isTrue();
  }

  @Test
  void plansWithoutChangingAnEmptyDatabase() throws Exception {
    withTwoMigrations();
    TckFixture.Snapshot before = fixture().snapshot();

    MigrationPlan plan = fixture().strata().plan();

    assertThat(plan.steps())
        .extracting(s -> s.id().toString())
        .containsExactly("V1 first", "V2 second");
    assertThat(fixture().snapshot()).isEqualTo(before);
    assertThat(fixture().tables()).doesNotContain(HistoryTable.DEFAULT_NAME);
  }

  @Test
  void plansPendingAndDownStepsWithoutChangingAnything() throws Exception {
    fixture().file("V1__first.sql", "CREATE TABLE tck_first (id INT);\n");
    fixture().strata().migrate();
    withTwoMigrations();
    TckFixture.Snapshot before = fixture().snapshot();

    MigrationPlan up = fixture().strata().plan();
    MigrationPlan down = fixture().strata().planDown(DownRequest.steps(1));

    assertThat(up.steps())
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.id().toString()).isEqualTo("V2 second");
              assertThat(step.statements()).hasSize(2);
              assertThat(step.transactional())
                  .isEqualTo(fixture().capabilities().transactionalDdl());
            });
    assertThat(down.steps())
        .extracting(PlannedMigration::origin)
        .singleElement()
        .asString()
        .endsWith("U1__first.sql");
    assertThat(fixture().snapshot()).isEqualTo(before);
  }

  /** V1 and V2, each with a down script. */
  private void withTwoMigrations() {
    fixture()
        .file("V1__first.sql", "CREATE TABLE tck_first (id INT);\n")
        .file("U1__first.sql", "DROP TABLE tck_first;\n")
        .file(
            "V2__second.sql",
            "CREATE TABLE tck_second (id INT);\nINSERT INTO tck_second VALUES (2);\n")
        .file("U2__second.sql", "DROP TABLE tck_second;\n");
  }
}
