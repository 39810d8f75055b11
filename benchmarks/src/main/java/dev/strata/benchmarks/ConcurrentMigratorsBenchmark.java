package dev.strata.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replicas booting at once on a new database: {@code migrators} migrators, released together, each
 * with its own engine object and connections, migrate one fresh database. Measured until the last
 * one is done. Exactly-once is checked twice: the counts the engines report must add up to the set
 * (where they report one), and afterwards every migration must be recorded, and its {@code
 * bench_log} row present, exactly once.
 *
 * <p>With {@code launch = process} every migrator is a JVM of its own ({@link MigratorProcess}
 * running {@link MigratorMain}), as racing replicas or init containers are. The processes are
 * started, and their JVMs booted, in the iteration's setup; the measurement sends them "go" and
 * lasts until the last has exited, so it counts loading the engine and the driver into a cold JVM
 * and running them mostly interpreted, but not the JVM's own boot. With {@code launch = thread}
 * they are threads of the benchmark's JVM, warmed up by the earlier shots. (Each iteration is a
 * single shot, so iteration-level setup is per shot.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ConcurrentMigratorsBenchmark {
  /**
   * {@code h2}, {@code postgresql}, {@code mariadb}; the servers come from test-support, and a
   * missing one fails its trials (leave it out with {@code -p database=h2}). Migrator processes
   * reach an H2 database over H2's TCP server (see {@link BenchDatabase#createShared}).
   */
  @Param({"h2", "postgresql", "mariadb"})
  public String database = "h2";

  /** {@code process}: each migrator a JVM of its own; {@code thread}: threads of this JVM. */
  @Param({"process", "thread"})
  public String launch = "process";

  /**
   * The engines that survive this benchmark. {@code rawFloor} takes no lock. {@code liquibase} is
   * left out because it fails it: on a fresh database its instances race to create {@code
   * DATABASECHANGELOG} before any lock protects it, and all but one stop with "Table
   * DATABASECHANGELOG already exists" (Liquibase issue #5254); {@code -p engine=liquibase} shows
   * it.
   */
  @Param({"strata", "flyway", "historyFloor"})
  public String engine = "strata";

  @Param({"100"})
  public int migrations = 100;

  @Param({"4", "8"})
  public int migrators = 4;

  /** {@code realistic} or {@code trivial}: see {@link MigrationSetGenerator}. */
  @Param({"realistic"})
  public String shape = "realistic";

  private MigrationEngine tool;
  private MigrationSet set;
  private BenchDatabase db;
  private boolean processes;
  private @Nullable ExecutorService pool;
  private final List<MigratorProcess> children = new ArrayList<>();

  @Setup(Level.Trial)
  public void generate() {
    tool = MigrationEngine.named(engine);
    if (!tool.keepsHistory()) {
      throw new IllegalArgumentException(engine + " takes no lock, so it cannot run concurrently");
    }
    processes =
        switch (launch) {
          case "process" -> true;
          case "thread" -> false;
          default ->
              throw new IllegalArgumentException(
                  "Unknown launch '" + launch + "'; known: process, thread");
        };
    set = MigrationSet.createTemporary(shape, migrations);
    if (!processes) {
      pool = Executors.newFixedThreadPool(migrators);
    }
  }

  /** A fresh database and, to launch processes, that many booted JVMs waiting for "go". */
  @Setup(Level.Iteration)
  public void createEmptyDatabase() throws Exception {
    BenchDatabase.Kind kind = BenchDatabase.Kind.named(database);
    if (!processes) {
      db = BenchDatabase.create(kind);
      return;
    }
    db = BenchDatabase.createShared(kind);
    try {
      for (int i = 1; i <= migrators; i++) {
        children.add(
            MigratorProcess.start(
                engine + " migrator " + i + " of " + migrators, engine, db.target(), set));
      }
      for (MigratorProcess child : children) {
        child.awaitReady();
      }
    } catch (Exception e) {
      // JMH skips the iteration's teardown when its setup fails.
      try {
        stopChildren();
        db.close();
      } catch (Exception cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Benchmark
  public int migrateConcurrently() throws Exception {
    int total = 0;
    boolean allReported = true;
    for (int applied : processes ? raceProcesses() : raceThreads()) {
      allReported &= applied != MigrationEngine.UNKNOWN;
      total += applied;
    }
    if (allReported) {
      Verification.reported(tool, total, migrations);
    }
    return total;
  }

  private List<Integer> raceProcesses() throws Exception {
    for (MigratorProcess child : children) {
      child.go();
    }
    List<Integer> counts = new ArrayList<>();
    for (MigratorProcess child : children) {
      counts.add(child.awaitApplied());
    }
    return counts;
  }

  private List<Integer> raceThreads() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < migrators; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return MigrationEngine.named(engine).migrate(db, set);
              }));
    }
    start.countDown();
    List<Integer> counts = new ArrayList<>();
    for (Future<Integer> result : results) {
      try {
        counts.add(result.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            engine + " failed with " + migrators + " concurrent migrators", e.getCause());
      }
    }
    return counts;
  }

  @TearDown(Level.Iteration)
  public void verifyAndDrop() throws Exception {
    try {
      stopChildren(); // only a failed race leaves any running
      Verification.appliedExactlyOnce(db, set, tool);
    } finally {
      db.close();
    }
  }

  /** Kills the children still running and forgets them all. */
  private void stopChildren() throws Exception {
    Exception failure = null;
    for (MigratorProcess child : children) {
      try {
        child.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    children.clear();
    if (failure != null) {
      throw failure;
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
    set.delete();
  }
}
