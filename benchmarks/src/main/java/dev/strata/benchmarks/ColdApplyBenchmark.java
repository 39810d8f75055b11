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
 * Applying a whole migration set to an empty database, as a new environment or an integration test
 * does. Each operation destroys its starting state, so this is single-shot: every iteration gets a
 * fresh database (created in setup, not measured) and applies the set once; afterwards every
 * migration must be recorded, and its {@code bench_log} row present, exactly once. Three warm-up
 * shots, since the first ones on H2 are mostly JIT compilation; at N = 1,000 one shot takes 10 to
 * 30 s on MariaDB, so the class takes about 20 minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ColdApplyBenchmark {
  /**
   * {@code h2}, {@code postgresql}, {@code mariadb}; the servers come from test-support, and a
   * missing one fails its trials (leave it out with {@code -p database=h2}).
   */
  @Param({"h2", "postgresql", "mariadb"})
  public String database = "h2";

  @Param({"strata", "flyway", "liquibase", "historyFloor", "rawFloor"})
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
  public void generate() {
    tool = MigrationEngine.named(engine);
    set = MigrationSet.createTemporary(shape, migrations);
  }

  @Setup(Level.Iteration)
  public void createEmptyDatabase() {
    db = BenchDatabase.create(BenchDatabase.Kind.named(database));
  }

  @Benchmark
  public int applyEverything() throws Exception {
    int applied = tool.migrate(db, set);
    Verification.reported(tool, applied, migrations);
    return applied;
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
  public void deleteSet() {
    set.delete();
  }
}
