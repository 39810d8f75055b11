package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.CancelledException;
import dev.strata.api.StrataEvent;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelOnH2IT {
  @TempDir Path dir;

  @Test
  void cancelStopsTheRunningStatementRecordsTheAttemptAndReleasesTheLock() throws Exception {
    H2Database db = new H2Database(dir);
    db.file("V1__fast.sql", "CREATE TABLE t (id INT);\n")
        .file(
            "V2__slow.sql",
            "SELECT SUM(a.X * b.X) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b;\n");
    CountDownLatch slowStarted = new CountDownLatch(1);
    Strata strata =
        db.configure()
            .listener(
                e -> {
                  if (e instanceof StrataEvent.StatementStarted s
                      && s.migration().id().description().equals("slow")) {
                    slowStarted.countDown();
                  }
                })
            .load();

    CompletableFuture<Object> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return strata.migrate();
              } catch (RuntimeException e) {
                return e;
              }
            });
    assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(200);
    strata.cancel();

    Object outcome = run.get(30, TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOf(CancelledException.class);
    assertThat(((CancelledException) outcome).getMessage())
        .startsWith("Stopped on request while applying V2 slow at ")
        .contains("nothing of it is applied")
        .contains("Run the command again");
    assertThat(db.history()).containsExactly("1 APPLY 1 TRUE 1", "2 APPLY 2 FALSE 0");

    db.file("V2__slow.sql", "SELECT 1;\n");
    assertThat(db.strata().migrate().applied()).hasSize(1);
  }

  @Test
  void cancelDuringDiscoveryStopsBeforeTheLockAndAppliesNothing() throws Exception {
    H2Database db = new H2Database(dir);
    db.file("V1__fast.sql", "CREATE TABLE t (id INT);\n")
        .file("V2_fix.sql", "SELECT 1; -- left out by the ignore option, an event to hook into");
    Strata[] strata = new Strata[1];
    strata[0] =
        db.configure()
            .ignore("V2_fix.sql")
            .listener(
                e -> {
                  if (e instanceof StrataEvent.FileIgnored) {
                    strata[0].cancel(); // as a SIGTERM arriving while sources are read
                  }
                })
            .load();

    org.assertj.core.api.Assertions.assertThatThrownBy(strata[0]::migrate)
        .isInstanceOf(CancelledException.class)
        .hasMessageContaining("before taking the migration lock");
    assertThat(db.tableExists("T")).isFalse();
    assertThat(db.configure().ignore("V2_fix.sql").load().migrate().applied()).hasSize(1);
  }
}
