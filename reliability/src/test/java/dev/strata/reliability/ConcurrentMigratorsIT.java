package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many migrators start at once on one fresh database, as the replicas of a service do when they
 * migrate at startup: {@link Sizes#threads()} threads in this JVM, each with its own {@link
 * Strata}, and {@link Sizes#processes()} JVMs of their own, applying {@link Sizes#migrations()}
 * small migrations. Each migration is applied exactly once, nobody deadlocks, everybody finishes;
 * then the same crowd starting against the up-to-date database takes no lock. The figures are
 * printed.
 */
@Timeout(300)
class ConcurrentMigratorsIT {
  private static final Pattern RESULT =
      Pattern.compile("RESULT applied=(\\d+) lockTaken=(true|false) durationMs=(\\d+)");

  @TempDir Path dir;

  @Test
  void appliesEachMigrationExactlyOnceWhenManyMigratorsStartTogetherOnPostgres(
      @PostgresTest IsolatedDatabase db) throws Exception {
    appliesEachMigrationExactlyOnce(db, "PostgreSQL");
  }

  @Test
  void appliesEachMigrationExactlyOnceWhenManyMigratorsStartTogetherOnMariaDb(
      @MySqlTest IsolatedDatabase db) throws Exception {
    appliesEachMigrationExactlyOnce(db, "MariaDB");
  }

  @Test
  void replicasStartingAgainstAnUpToDatePostgresDatabaseTakeNoLock(
      @PostgresTest IsolatedDatabase db) throws Exception {
    replicasOnAnUpToDateDatabaseTakeNoLock(db, "PostgreSQL");
  }

  @Test
  void replicasStartingAgainstAnUpToDateMariaDbDatabaseTakeNoLock(@MySqlTest IsolatedDatabase db)
      throws Exception {
    replicasOnAnUpToDateDatabaseTakeNoLock(db, "MariaDB");
  }

  private void appliesEachMigrationExactlyOnce(IsolatedDatabase db, String product)
      throws Exception {
    int migrations = writeMigrations();

    Outcome outcome = crowd(db);

    assertThat(outcome.failures).as("failures").isEmpty();
    assertThat(outcome.applied.stream().mapToInt(Integer::intValue).sum()).isEqualTo(migrations);
    assertThat(
            Jdbc.column(
                db,
                "SELECT COUNT(*) FROM strata_schema_history WHERE action = 'APPLY' AND success"
                    + " GROUP BY version HAVING COUNT(*) <> 1"))
        .as("versions applied other than once")
        .isEmpty();
    assertThat(
            Jdbc.value(
                db,
                "SELECT COUNT(DISTINCT version) FROM strata_schema_history WHERE action = 'APPLY' AND success"))
        .isEqualTo(String.valueOf(migrations));
    assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM strata_schema_history WHERE NOT success"))
        .as("failed attempts")
        .isEqualTo("0");
    String rows =
        IntStream.rangeClosed(1, migrations)
            .mapToObj(i -> "(SELECT COUNT(*) FROM load_" + i + ")")
            .collect(Collectors.joining(" + ", "SELECT ", ""));
    assertThat(Jdbc.value(db, rows))
        .as("rows in the load_ tables")
        .isEqualTo(String.valueOf(migrations));

    long winners = outcome.applied.stream().filter(n -> n > 0).count();
    System.out.printf(
        "[reliability] %s: %d threads + %d processes, %d migrations on a fresh database: all"
            + " finished %d ms after the start; %d migrator(s) applied migrations; took the lock: %d"
            + " of %d; migrate() took %s%n",
        product,
        Sizes.threads(),
        Sizes.processes(),
        migrations,
        outcome.wallMs,
        winners,
        outcome.lockTaken,
        outcome.durations.size(),
        spread(outcome.durations));
  }

  private void replicasOnAnUpToDateDatabaseTakeNoLock(IsolatedDatabase db, String product)
      throws Exception {
    int migrations = writeMigrations();
    assertThat(strata(db).migrate().applied()).hasSize(migrations);

    Outcome outcome = crowd(db);

    assertThat(outcome.failures).as("failures").isEmpty();
    assertThat(outcome.applied).containsOnly(0);
    assertThat(outcome.lockTaken).as("migrators that took the lock").isZero();
    System.out.printf(
        "[reliability] %s: %d threads + %d processes against an up-to-date database (%d"
            + " migrations): none took the lock; all finished %d ms after the start; migrate()"
            + " took %s (threads: %s; processes: %s)%n",
        product,
        Sizes.threads(),
        Sizes.processes(),
        migrations,
        outcome.wallMs,
        spread(outcome.durations),
        spread(outcome.durations.subList(0, Sizes.threads())),
        spread(outcome.durations.subList(Sizes.threads(), outcome.durations.size())));
  }

  private int writeMigrations() {
    MigrationFiles files = new MigrationFiles(dir);
    int migrations = Sizes.migrations();
    for (int i = 1; i <= migrations; i++) {
      files.write(
          "V" + i + "__load_" + i + ".sql",
          "CREATE TABLE load_"
              + i
              + " (id INT PRIMARY KEY);\nINSERT INTO load_"
              + i
              + " VALUES ("
              + i
              + ");\n");
    }
    return migrations;
  }

  private Strata strata(IsolatedDatabase db) {
    return Strata.configure().url(db.jdbcUrl()).sources("filesystem:" + dir).load();
  }

  /** What the migrators did: threads first, then processes, in each list. */
  private static final class Outcome {
    final List<Integer> applied = Collections.synchronizedList(new ArrayList<>());
    final List<Long> durations = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    int lockTaken;
    long wallMs;
  }

  /** Starts every migrator at once and waits for all of them. */
  private Outcome crowd(IsolatedDatabase db) throws Exception {
    int threads = Sizes.threads();
    Duration limit = Duration.ofSeconds(Sizes.FULL ? 240 : 150);
    List<MigratorProcess> processes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Outcome outcome = new Outcome();
    try {
      for (int i = 0; i < Sizes.processes(); i++) {
        processes.add(MigratorProcess.start(db.jdbcUrl(), dir, "--await-go"));
      }
      for (MigratorProcess p : processes) {
        p.await("READY", Duration.ofSeconds(60));
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Future<MigrateResult>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Strata strata = strata(db);
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return strata.migrate();
                }));
      }
      long start = System.nanoTime();
      go.countDown();
      for (MigratorProcess p : processes) {
        p.go();
      }
      long deadline = start + limit.toNanos();
      for (Future<MigrateResult> f : results) {
        try {
          MigrateResult r = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          outcome.applied.add(r.applied().size());
          outcome.durations.add(r.durationMs());
          outcome.lockTaken += r.lockTaken() ? 1 : 0;
        } catch (java.util.concurrent.ExecutionException e) {
          outcome.failures.add("thread: " + e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
          outcome.failures.add("thread: still running after " + limit + " (deadlock?)");
        }
      }
      for (MigratorProcess p : processes) {
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
        int exit = p.awaitExit(left);
        String last = p.output().isEmpty() ? "" : p.output().get(p.output().size() - 1);
        Matcher m = RESULT.matcher(last);
        if (exit != 0 || !m.matches()) {
          outcome.failures.add("process " + p.pid() + " exited " + exit + ": " + p.transcript());
        } else {
          outcome.applied.add(Integer.parseInt(m.group(1)));
          outcome.lockTaken += Boolean.parseBoolean(m.group(2)) ? 1 : 0;
          outcome.durations.add(Long.parseLong(m.group(3)));
        }
      }
      outcome.wallMs = (System.nanoTime() - start) / 1_000_000;
    } finally {
      pool.shutdownNow();
      for (MigratorProcess p : processes) {
        p.close();
      }
    }
    return outcome;
  }

  /** {@code min/median/max ms} of {@code durations}. */
  private static String spread(List<Long> durations) {
    if (durations.isEmpty()) {
      return "-";
    }
    List<Long> sorted = durations.stream().sorted().toList();
    return "min "
        + sorted.get(0)
        + " / median "
        + sorted.get(sorted.size() / 2)
        + " / max "
        + sorted.get(sorted.size() - 1)
        + " ms";
  }
}
