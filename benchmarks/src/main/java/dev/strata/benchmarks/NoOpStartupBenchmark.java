package dev.strata.benchmarks;

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
 * A replica booting when everything is already applied: create the engine object, connect, read the
 * files and the history, find nothing to do. Paid by every replica on every boot.
 *
 * <p>The trial's database is migrated once in setup; each operation must then apply nothing (the
 * engine's count is checked where it reports one), and after each iteration the history and {@code
 * bench_log} must still hold every migration exactly once. {@code -p migrations=10000 -p
 * shape=trivial} adds the large case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NoOpStartupBenchmark {
  /**
   * {@code h2}, {@code postgresql}, {@code mariadb}; the servers come from test-support, and a
   * missing one fails its trials (leave it out with {@code -p database=h2}).
   */
  @Param({"h2", "postgresql", "mariadb"})
  public String database = "h2";

  /** Every engine that keeps a history ({@code rawFloor} does not). */
  @Param({"strata", "flyway", "liquibase", "historyFloor"})
  public String engine = "strata";

  @Param({"100", "1000"})
  public int migrations = 100;

  /** {@code realistic} or {@code trivial}: see {@link MigrationSetGenerator}. */
  @Param({"realistic"})
  public String shape = "realistic";

  private MigrationEngine tool;
  private MigrationSet set;
  private BenchDatabase db;

  @Setup(Level.Trial)
  public void applyEverything() throws Exception {
    tool = MigrationEngine.named(engine);
    if (!tool.keepsHistory()) {
      throw new IllegalArgumentException(engine + " keeps no history, so it has no no-op startup");
    }
    set = MigrationSet.createTemporary(shape, migrations);
    db = BenchDatabase.create(BenchDatabase.Kind.named(database));
    Verification.reported(tool, tool.migrate(db, set), migrations);
    Verification.appliedExactlyOnce(db, set, tool);
  }

  @Benchmark
  public int startWithNothingToDo() throws Exception {
    int applied = tool.migrate(db, set);
    Verification.reported(tool, applied, 0);
    return applied;
  }

  @TearDown(Level.Iteration)
  public void verify() throws Exception {
    Verification.appliedExactlyOnce(db, set, tool);
  }

  @TearDown(Level.Trial)
  public void dropDatabase() throws Exception {
    try {
      db.close();
    } finally {
      set.delete();
    }
  }
}
