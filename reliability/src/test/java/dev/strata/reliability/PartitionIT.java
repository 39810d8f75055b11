package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataException;
import dev.strata.core.Strata;
import dev.strata.testsupport.FaultProxy;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrator vanishes mid-migration without closing anything: a {@link FaultProxy} between it and
 * the server blackholes both its connections (the lock's and the migration's) while a statement of
 * its second migration runs inside a transaction, as a partition or a powered-off node would. A
 * second migrator, connected directly, gets the lock once the server has ended the silent lock
 * session (the holder's heartbeat stopped reaching it) and finishes the migrations once the server
 * has ended the silent migration session too, whose transaction held locks; its own {@code
 * lockTimeout} of {@link #BOUND} is the bound. When the partition heals, the vanished holder
 * commits nothing, and every migration is recorded once.
 */
@Timeout(150)
class PartitionIT {
  /** The bound the second migrator must finish within (its lock timeout). */
  private static final Duration BOUND = Duration.ofSeconds(60);

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void aPartitionedHoldersLockAndTableLocksAreFreedWithinTheBoundOnPostgres(
      @PostgresTest IsolatedDatabase db) throws Exception {
    // V2 holds ALTER TABLE's lock on part_base in its transaction while it sleeps: the second
    // migrator's own V2 must wait for the vanished session to end, not forever.
    partition(
        db,
        "PostgreSQL",
        "CREATE TABLE part_control (secs float8)",
        "ALTER TABLE part_base ADD COLUMN note text;\n"
            + "SELECT pg_sleep(secs) FROM part_control;\n"
            + "UPDATE part_base SET note = 'v2';\n",
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
            + " AND table_name = ");
  }

  @Test
  void aPartitionedHoldersLockAndRowLocksAreFreedWithinTheBoundOnMariaDb(
      @MySqlTest IsolatedDatabase db) throws Exception {
    // A data-only script runs in one transaction on MariaDB too; its row lock on part_base's
    // only row is held while it sleeps.
    partition(
        db,
        "MariaDB",
        "CREATE TABLE part_control (secs double)",
        "UPDATE part_base SET id = 2;\n"
            + "SELECT SLEEP(secs) FROM part_control;\n"
            + "UPDATE part_base SET id = 3;\n",
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
            + " AND table_name = ");
  }

  @Test
  void aLiveHolderKeepsItsLockThroughAStatementLongerThanTheSilenceTheServerAllows(
      @PostgresTest IsolatedDatabase postgres, @MySqlTest IsolatedDatabase mariaDb)
      throws Exception {
    // The lock's session sits idle while the migration's statement runs for 18 s; only the
    // heartbeat keeps the server from ending it after 15 s. Both dialects run at once.
    Path pg = Files.createDirectory(dir.resolve("live-pg"));
    Path my = Files.createDirectory(dir.resolve("live-mariadb"));
    new MigrationFiles(pg)
        .write("V1__long.sql", "SELECT pg_sleep(18);\nCREATE TABLE live_done (id int);\n");
    new MigrationFiles(my)
        .write("V1__long.sql", "SELECT SLEEP(18);\nCREATE TABLE live_done (id int);\n");
    CompletableFuture<MigrateResult> onPostgres =
        CompletableFuture.supplyAsync(
            () ->
                Strata.configure()
                    .url(postgres.jdbcUrl())
                    .sources("filesystem:" + pg)
                    .load()
                    .migrate());
    MigrateResult onMariaDb =
        Strata.configure().url(mariaDb.jdbcUrl()).sources("filesystem:" + my).load().migrate();

    assertThat(onMariaDb.applied()).hasSize(1);
    assertThat(onPostgres.get(WAIT.toSeconds(), TimeUnit.SECONDS).applied()).hasSize(1);
  }

  private void partition(
      IsolatedDatabase db, String product, String controlTable, String v2, String tableCount)
      throws Exception {
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    MigrationFiles files =
        new MigrationFiles(migrations)
            .write(
                "V1__base.sql",
                "CREATE TABLE part_base (id int);\nINSERT INTO part_base VALUES (1);\n")
            .write("V2__held.sql", v2)
            .write("V3__last.sql", "CREATE TABLE part_last (id int);\n");
    Jdbc.execute(db, controlTable, "INSERT INTO part_control VALUES (1)");
    try (FaultProxy proxy = FaultProxy.inFrontOf(db)) {
      BackgroundMigrate holder =
          BackgroundMigrate.start(proxy.jdbcUrl(db), files.location(), "2", 2);
      holder.awaitStatement(WAIT);
      proxy.blackhole();
      long partitioned = System.nanoTime();

      AtomicReference<Duration> lockWait = new AtomicReference<>();
      MigrateResult second =
          Strata.configure()
              .url(db.jdbcUrl())
              .sources(files.location())
              .lockTimeout(BOUND)
              .listener(
                  e -> {
                    if (e instanceof StrataEvent.LockAcquired a) {
                      lockWait.set(a.waited());
                    }
                  })
              .load()
              .migrate();
      Duration done = Duration.ofNanos(System.nanoTime() - partitioned);
      System.out.printf(
          "[reliability] %s, holder blackholed during V2: the second migrator took the lock"
              + " after %.1f s and finished after %.1f s (bound %d s)%n",
          product, lockWait.get().toMillis() / 1000.0, done.toMillis() / 1000.0, BOUND.toSeconds());

      assertThat(second.applied())
          .extracting(m -> m.id().version().toString())
          .containsExactly("2", "3");

      proxy.pass(); // the partition heals: the holder hears the server ended its sessions
      Throwable failure = holder.failure(WAIT);
      System.out.println("[reliability] " + product + ", the healed holder: " + failure);
      assertThat(failure).isInstanceOf(StrataException.class);
    }

    List<HistoryEntry> history =
        Strata.configure().url(db.jdbcUrl()).sources(files.location()).load().history();
    assertThat(history.stream().filter(HistoryEntry::success).map(h -> h.id().version().toString()))
        .containsExactly("1", "2", "3");
    assertThat(Jdbc.value(db, tableCount + "'part_last'")).isEqualTo("1");
    assertThat(Jdbc.column(db, "SELECT id FROM part_base"))
        .containsExactly(product.equals("MariaDB") ? "3" : "1");
  }
}
