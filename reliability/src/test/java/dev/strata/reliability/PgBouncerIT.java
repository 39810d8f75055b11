package dev.strata.reliability;

import static dev.strata.reliability.PostgresCrashIT.advisoryLocks;
import static dev.strata.reliability.PostgresCrashIT.tableExists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.strata.api.ConfigurationException;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationState;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration.LockMode;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PgBouncer;
import dev.strata.testsupport.PgBouncer.PoolMode;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strata through a real PgBouncer in front of the local PostgreSQL, in session and in transaction
 * pool mode. Session mode works as a direct connection; in transaction mode the lease lock keeps a
 * crowd of migrators to one at a time, and the advisory lock, which a session-level lock cannot be
 * there, is refused before anything runs (flyway#2895 ran with it and never released it).
 */
@PostgresTest
@Timeout(120)
class PgBouncerIT {
  private static final int MIGRATIONS = 8;
  private static final int MIGRATORS = 20;

  @TempDir Path dir;
  private MigrationFiles files;

  @BeforeEach
  void writeMigrations() throws Exception {
    files = new MigrationFiles(Files.createDirectory(dir.resolve("migrations")));
    for (int v = 1; v <= MIGRATIONS; v++) {
      files.write(
          "V" + v + "__step.sql",
          "CREATE TABLE pooled_"
              + v
              + " (id int PRIMARY KEY, note text);\n"
              + "INSERT INTO pooled_"
              + v
              + " VALUES (1, 'v"
              + v
              + "');\n");
    }
  }

  @Test
  void inSessionModeMigrateStatusPlanAndValidateWorkAsOnADirectConnection(IsolatedDatabase db)
      throws Exception {
    try (PgBouncer pooler = PgBouncer.start(PoolMode.SESSION, db)) {
      Strata strata = strata(pooler.jdbcUrl(db), LockMode.DATABASE);

      assertThat(strata.plan().steps()).hasSize(MIGRATIONS);
      MigrateResult result = strata.migrate();

      assertThat(result.applied()).hasSize(MIGRATIONS);
      assertThat(strata.status().migrations()).allMatch(m -> m.state() == MigrationState.APPLIED);
      assertThat(strata.validate(true).problems()).isEmpty();
      assertThat(strata.migrate().applied()).isEmpty();
    }
    assertEachAppliedOnce(db);
    assertThat(advisoryLocks(db)).isZero();
  }

  @Test
  void inTransactionModeTwentyMigratorsWithTheLeaseApplyEachMigrationOnceAndLeaveNoLease(
      IsolatedDatabase db) throws Exception {
    try (PgBouncer pooler = PgBouncer.start(PoolMode.TRANSACTION, db)) {
      String url = pooler.jdbcUrl(db);
      List<Throwable> failures = new ArrayList<>();
      int applied = 0;
      ExecutorService threads = Executors.newFixedThreadPool(MIGRATORS);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MigrateResult>> results = new ArrayList<>();
        for (int i = 0; i < MIGRATORS; i++) {
          results.add(
              threads.submit(
                  () -> {
                    start.await();
                    return strata(url, LockMode.LEASE).migrate();
                  }));
        }
        start.countDown();
        for (Future<MigrateResult> r : results) {
          try {
            applied += r.get(90, TimeUnit.SECONDS).applied().size();
          } catch (ExecutionException e) {
            failures.add(e.getCause());
          }
        }
      } finally {
        threads.shutdownNow();
      }
      System.out.println(
          "[reliability] PgBouncer transaction mode, "
              + MIGRATORS
              + " lease migrators: applied "
              + applied
              + ", failures "
              + failures);

      assertThat(failures).isEmpty();
      assertThat(applied).isEqualTo(MIGRATIONS);
      Strata strata = strata(url, LockMode.LEASE);
      assertThat(strata.plan().steps()).isEmpty();
      assertThat(strata.status().migrations()).allMatch(m -> m.state() == MigrationState.APPLIED);
      assertThat(strata.validate(true).problems()).isEmpty();
    }
    assertEachAppliedOnce(db);
    assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM strata_schema_history_lease")).isEqualTo("0");
  }

  @Test
  void inTransactionModeTheAdvisoryLockIsRefusedNamingTheLeaseAndNothingIsApplied(
      IsolatedDatabase db) throws Exception {
    try (PgBouncer pooler = PgBouncer.start(PoolMode.TRANSACTION, db)) {
      Strata strata = strata(pooler.jdbcUrl(db), LockMode.DATABASE);
      for (int attempt = 1; attempt <= 5; attempt++) {
        Throwable failure = catchThrowable(strata::migrate);
        if (attempt == 1) {
          System.out.println("[reliability] PgBouncer transaction mode, advisory lock: " + failure);
        }

        assertThat(failure)
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("pooler in transaction mode")
            .hasMessageContaining("strata.lockMode=lease")
            .hasMessageContaining("stops before committing anything under it");
      }
      assertThat(tableExists(db, "pooled_1")).isFalse();
      Jdbc.awaitTrue(
          "no advisory lock is left", Duration.ofSeconds(10), () -> advisoryLocks(db) == 0);
      // Read-only commands take no lock and work through the pooler.
      assertThat(strata.plan().steps()).hasSize(MIGRATIONS);
      assertThat(strata.validate(false).problems()).isEmpty();
      assertThat(strata.status().migrations()).hasSize(MIGRATIONS);
    }
  }

  @Test
  void inTransactionModeACrowdWithTheAdvisoryLockRunsNothing(IsolatedDatabase db) throws Exception {
    int crowd = MIGRATORS;
    List<Throwable> failures = new ArrayList<>();
    int applied = 0;
    try (PgBouncer pooler = PgBouncer.start(PoolMode.TRANSACTION, db)) {
      String url = pooler.jdbcUrl(db);
      ExecutorService threads = Executors.newFixedThreadPool(crowd);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MigrateResult>> results = new ArrayList<>();
        for (int i = 0; i < crowd; i++) {
          results.add(
              threads.submit(
                  () -> {
                    start.await();
                    return Strata.configure()
                        .url(url)
                        .sources(files.location())
                        .lockTimeout(Duration.ofSeconds(10))
                        .load()
                        .migrate();
                  }));
        }
        start.countDown();
        for (Future<MigrateResult> r : results) {
          try {
            applied += r.get(60, TimeUnit.SECONDS).applied().size();
          } catch (ExecutionException e) {
            failures.add(e.getCause());
          }
        }
      } finally {
        threads.shutdownNow();
      }
    }
    System.out.println(
        "[reliability] PgBouncer transaction mode, "
            + crowd
            + " advisory-lock migrators: applied "
            + applied
            + ", refused: "
            + failures.stream().map(f -> f.getClass().getSimpleName()).toList());
    failures.stream()
        .filter(f -> !(f instanceof ConfigurationException))
        .forEach(f -> System.out.println("[reliability]   " + f));

    // Each refuses, naming the lease, before it commits anything. One whose checks happen to
    // reach the lock's server session may commit a migration first; the others can then never
    // take the lock again on that session, so no migration is applied twice.
    assertThat(applied).isZero();
    assertThat(failures).hasSize(crowd);
    assertThat(failures)
        .allSatisfy(f -> assertThat(f).hasStackTraceContaining("strata.lockMode=lease"));
    if (tableExists(db, "strata_schema_history")) {
      assertThat(
              Jdbc.column(
                  db,
                  "SELECT version FROM strata_schema_history WHERE action = 'APPLY' AND success"
                      + " GROUP BY version HAVING COUNT(*) <> 1"))
          .as("versions applied more than once")
          .isEmpty();
    }
    assertThat(advisoryLocks(db)).isZero();
  }

  private Strata strata(String url, LockMode mode) {
    return Strata.configure()
        .url(url)
        .sources(files.location())
        .lockMode(mode)
        .lockTimeout(Duration.ofSeconds(60))
        .load();
  }

  private static void assertEachAppliedOnce(IsolatedDatabase db) throws Exception {
    assertThat(
            Jdbc.column(
                db,
                "SELECT version FROM strata_schema_history WHERE action = 'APPLY' AND success"
                    + " GROUP BY version HAVING COUNT(*) <> 1"))
        .as("versions applied other than once")
        .isEmpty();
    assertThat(
            Jdbc.value(
                db,
                "SELECT COUNT(DISTINCT version) FROM strata_schema_history"
                    + " WHERE action = 'APPLY' AND success"))
        .isEqualTo(String.valueOf(MIGRATIONS));
    for (int v = 1; v <= MIGRATIONS; v++) {
      assertThat(Jdbc.value(db, "SELECT note FROM pooled_" + v)).isEqualTo("v" + v);
    }
  }
}
