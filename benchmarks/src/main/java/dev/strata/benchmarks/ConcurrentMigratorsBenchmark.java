package dev.strata.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Replicas booting at once on a new database: {@code migrators} threads, released together, each
 * with its own engine object and connections, migrate one fresh database. Measured until the last
 * one returns. Exactly-once is checked twice: the counts the engines report must add up to the set
 * (where they report one), and afterwards every migration must be recorded, and its {@code
 * bench_log} row present, exactly once.
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
   * missing one fails its trials (leave it out with {@code -p database=h2}).
   */
  @Param({"h2", "postgresql", "mariadb"})
  public String database = "h2";

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

  @Param({"4"})
  public int migrators = 4;

  /** {@code realistic} or {@code trivial}: see {@link MigrationSetGenerator}. */
  @Param({"realistic"})
  public String shape = "realistic";

  private MigrationEngine tool;
  private MigrationSet set;
  private BenchDatabase db;
  private ExecutorService pool;

  @Setup(Level.Trial)
  public void generate() {
    tool = MigrationEngine.named(engine);
    if (!tool.keepsHistory()) {
      throw new IllegalArgumentException(engine + " takes no lock, so it cannot run concurrently");
    }
    set = MigrationSet.createTemporary(shape, migrations);
    pool = Executors.newFixedThreadPool(migrators);
  }

  @Setup(Level.Iteration)
  public void createEmptyDatabase() {
    db = BenchDatabase.create(BenchDatabase.Kind.named(database));
  }

  @Benchmark
  public int migrateConcurrently() throws Exception {
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
    int total = 0;
    boolean allReported = true;
    for (Future<Integer> result : results) {
      int applied;
      try {
        applied = result.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            engine + " failed with " + migrators + " concurrent migrators", e.getCause());
      }
      allReported &= applied != MigrationEngine.UNKNOWN;
      total += applied;
    }
    if (allReported) {
      Verification.reported(tool, total, migrations);
    }
    return total;
  }

  @TearDown(Level.Iteration)
  public void verifyAndDrop() throws Exception {
    try {
      Verification.appliedExactlyOnce(db, set, tool);
    } finally {
      db.close();
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    pool.shutdownNow();
    set.delete();
  }
}
