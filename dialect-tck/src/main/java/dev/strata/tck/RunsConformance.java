package dev.strata.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ConfigurationException;
import dev.strata.api.DownRequest;
import dev.strata.api.DownResult;
import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationPlan;
import dev.strata.api.MigrationState;
import dev.strata.api.StrataEvent;
import dev.strata.api.ValidationException;
import dev.strata.core.Strata;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.spi.support.HistoryTable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Runs and releases on the dialect: every command that changes the database records its run and
 * release label, {@code down --last-run} and {@code down --to-release} revert by them, and a
 * history table without their columns gains them without losing rows.
 */
abstract class RunsConformance extends ConformanceGroup {

  @Test
  void recordsOneRunPerCommandWithItsReleaseAndShowsItInStatus() throws Exception {
    releaseOne();
    releaseTwo();

    List<HistoryEntry> history = fixture().strata().history();

    assertThat(history).extracting(HistoryEntry::release).containsExactly("v1", "v1", "v2", "v2");
    assertThat(history).extracting(HistoryEntry::runId).doesNotContainNull();
    assertThat(history.get(0).runId()).isEqualTo(history.get(1).runId());
    assertThat(history.get(2).runId())
        .isEqualTo(history.get(3).runId())
        .isNotEqualTo(history.get(0).runId());
    assertThat(fixture().strata().status().migrations())
        .extracting(MigrationInfo::appliedInRelease)
        .containsExactly("v1", "v1", "v2", "v2");
  }

  @Test
  void downLastRunRevertsExactlyWhatTheNewestRunApplied() throws Exception {
    releaseOne();
    releaseTwo();
    assertThat(strata("v3").migrate().applied()).as("a run that applies nothing").isEmpty();

    DownResult down = strata("v3").down(DownRequest.lastRun());

    assertThat(down.reverted()).extracting(m -> m.id().toString()).containsExactly("V4 d", "V3 c");
    assertThat(fixture().tables()).contains("tck_a", "tck_b").doesNotContain("tck_c", "tck_d");
    assertThat(fixture().strata().status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(
            MigrationState.APPLIED,
            MigrationState.APPLIED,
            MigrationState.REVERTED,
            MigrationState.REVERTED);
  }

  @Test
  void downToReleaseRevertsEverythingAppliedAfterThatReleasesNewestRun() throws Exception {
    releaseOne();
    releaseTwo();
    strata("v2").down(DownRequest.lastRun());
    assertThat(strata("v2").migrate().applied()).hasSize(2);

    DownResult down = strata("v1").down(DownRequest.toRelease("v1"));

    assertThat(down.reverted()).extracting(m -> m.id().toString()).containsExactly("V4 d", "V3 c");
    assertThat(fixture().tables()).contains("tck_a", "tck_b").doesNotContain("tck_c", "tck_d");
    assertThat(fixture().strata().history())
        .extracting(HistoryEntry::action)
        .filteredOn(a -> a == HistoryAction.REVERT)
        .hasSize(4);
  }

  @Test
  void previewsBothFormsWithoutChangingAnything() throws Exception {
    releaseOne();
    releaseTwo();
    TckFixture.Snapshot before = fixture().snapshot();

    MigrationPlan lastRun = fixture().strata().planDown(DownRequest.lastRun());
    MigrationPlan toRelease = fixture().strata().planDown(DownRequest.toRelease("v1"));

    assertThat(lastRun.steps()).extracting(s -> s.id().toString()).containsExactly("V4 d", "V3 c");
    assertThat(toRelease.steps())
        .extracting(s -> s.id().toString())
        .containsExactly("V4 d", "V3 c");
    assertThat(fixture().snapshot()).isEqualTo(before);
  }

  @Test
  void refusesAReleaseNoRunCarriesNamingItAndChangesNothing() throws Exception {
    releaseOne();
    releaseTwo();
    TckFixture.Snapshot before = fixture().snapshot();

    assertThatThrownBy(() -> fixture().strata().down(DownRequest.toRelease("v0.9")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'v0.9'")
        .hasMessageContaining("labels recorded: v1, v2");
    assertThat(fixture().snapshot()).isEqualTo(before);
  }

  @Test
  void refusesWithNothingChangedWhenADownScriptIsMissing() throws Exception {
    releaseOne();
    fixture()
        .file("V3__c.sql", "CREATE TABLE tck_c (id INT);\n")
        .file("U3__c.sql", "DROP TABLE tck_c;\n")
        .file("V4__d.sql", "CREATE TABLE tck_d (id INT);\n");
    strata("v2").migrate();
    TckFixture.Snapshot before = fixture().snapshot();

    assertThatThrownBy(() -> fixture().strata().down(DownRequest.lastRun()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("V4 d");
    assertThatThrownBy(() -> fixture().strata().down(DownRequest.toRelease("v1")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("V4 d");
    assertThat(fixture().snapshot()).isEqualTo(before);
  }

  @Test
  void reportsTheRepeatableMigrationsOfTheRevertedRunAndLeavesThem() throws Exception {
    releaseOne();
    fixture().file("R__tck_view.sql", "CREATE VIEW tck_view AS SELECT 1 AS one;\n");
    releaseTwo();
    List<StrataEvent.Warning> warnings = new CopyOnWriteArrayList<>();

    DownResult down =
        fixture()
            .configure()
            .listener(
                e -> {
                  if (e instanceof StrataEvent.Warning w) {
                    warnings.add(w);
                  }
                })
            .load()
            .down(DownRequest.lastRun());

    assertThat(down.reverted()).extracting(m -> m.id().toString()).containsExactly("V4 d", "V3 c");
    assertThat(warnings)
        .singleElement()
        .satisfies(w -> assertThat(w.origin()).endsWith("R__tck_view.sql"))
        .satisfies(
            w -> assertThat(w.message()).contains("tck view", "not reverted", "no down scripts"));
    assertThat(fixture().tables()).contains("tck_view");
  }

  @Test
  void twoProcessesRevertingTheLastRunAtOnceRevertItOnce() throws Exception {
    releaseOne();
    releaseTwo();
    CountDownLatch waiting = new CountDownLatch(2);
    List<Strata> processes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      processes.add(
          fixture()
              .configure()
              .listener(
                  e -> {
                    if (e instanceof StrataEvent.LockWaiting) {
                      waiting.countDown();
                    }
                  })
              .load());
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<DownResult> results = new ArrayList<>();
    try {
      List<Future<DownResult>> running = new ArrayList<>();
      // Both choose the run to revert, then wait for the lock this test holds.
      try (MigrationLock held = holdTheLock()) {
        for (Strata p : processes) {
          running.add(pool.submit(() -> p.down(DownRequest.lastRun())));
        }
        assertThat(waiting.await(30, TimeUnit.SECONDS)).as("both wait for the lock").isTrue();
      }
      for (Future<DownResult> r : running) {
        results.add(r.get(90, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results.stream().mapToInt(r -> r.reverted().size()).sum()).isEqualTo(2);
    Map<String, Long> reverts =
        fixture().strata().history().stream()
            .filter(e -> e.action() == HistoryAction.REVERT)
            .collect(Collectors.groupingBy(e -> e.id().toString(), Collectors.counting()));
    assertThat(reverts).containsExactlyInAnyOrderEntriesOf(Map.of("V3 c", 1L, "V4 d", 1L));
    assertThat(fixture().tables()).contains("tck_a", "tck_b").doesNotContain("tck_c", "tck_d");
  }

  @Test
  void aHistoryTableWithoutTheRunColumnsGainsThemAndKeepsItsRows() throws Exception {
    releaseOne();
    for (String column : HistoryTable.ADDED_COLUMNS) {
      fixture()
          .execute(
              "ALTER TABLE "
                  + fixture().historyTable()
                  + " DROP COLUMN "
                  + fixture().dialect().quote(column));
    }
    assertThat(fixture().strata().history())
        .as("rows an earlier Strata wrote")
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.runId()).isNull());
    assertThat(fixture().strata().status().migrations())
        .extracting(MigrationInfo::appliedInRun)
        .containsOnlyNulls();

    releaseTwo();

    assertThat(fixture().columns(fixture().schema(), HistoryTable.DEFAULT_NAME))
        .endsWith(HistoryTable.ADDED_COLUMNS.toArray(String[]::new));
    List<HistoryEntry> history = fixture().strata().history();
    assertThat(history)
        .extracting(e -> e.id().toString())
        .containsExactly("V1 a", "V2 b", "V3 c", "V4 d");
    assertThat(history).extracting(HistoryEntry::release).containsExactly(null, null, "v2", "v2");
    assertThat(strata("v2").down(DownRequest.lastRun()).reverted()).hasSize(2);
    assertThatThrownBy(() -> fixture().strata().down(DownRequest.lastRun()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("V2 b")
        .hasMessageContaining("before Strata recorded runs");
  }

  /** Release v1: V1 and V2, with down scripts. */
  private void releaseOne() throws Exception {
    fixture()
        .file("V1__a.sql", "CREATE TABLE tck_a (id INT);\n")
        .file("U1__a.sql", "DROP TABLE tck_a;\n")
        .file("V2__b.sql", "CREATE TABLE tck_b (id INT);\n")
        .file("U2__b.sql", "DROP TABLE tck_b;\n");
    assertThat(strata("v1").migrate().applied()).hasSize(2);
  }

  /** Release v2: V3 and V4, with down scripts (and whatever else the test added). */
  private void releaseTwo() throws Exception {
    fixture()
        .file("V3__c.sql", "CREATE TABLE tck_c (id INT);\n")
        .file("U3__c.sql", "DROP TABLE tck_c;\n")
        .file("V4__d.sql", "CREATE TABLE tck_d (id INT);\n")
        .file("U4__d.sql", "DROP TABLE tck_d;\n");
    assertThat(strata("v2").migrate().applied()).hasSizeGreaterThanOrEqualTo(2);
  }

  private Strata strata(@Nullable String release) throws Exception {
    return fixture().configure().release(release).load();
  }

  /** The migration lock of the default history table, held as another migrator would. */
  private MigrationLock holdTheLock() throws Exception {
    LockRequest request =
        new LockRequest(
            LockRequest.nameFor(fixture().schema(), HistoryTable.DEFAULT_NAME),
            fixture().historyTable(),
            Duration.ofSeconds(20),
            Clock.systemUTC(),
            () -> {});
    return fixture().dialect().lock(fixture().connect(), request);
  }
}
