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
 * The no-op start as a replica pays it on boot: the first call in a fresh JVM, everything already
 * applied. {@link NoOpStartupBenchmark} measures the same call in a warm JVM.
 *
 * <p>The trial's database is migrated once in setup. Each shot's setup starts a {@link
 * MigratorProcess} and waits until its JVM is up; the shot sends it "go" and lasts until it has
 * exited, so it counts loading the engine and the driver, connecting, reading files and history and
 * finding nothing to do, in a cold JVM, and not the JVM's own boot. The process must report 0
 * applied (where the engine reports a count), and after each shot the history and {@code bench_log}
 * must still hold every migration exactly once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class FreshJvmNoOpBenchmark {
  /**
   * {@code h2}, {@code postgresql}, {@code mariadb}; the servers come from test-support, and a
   * missing one fails its trials (leave it out with {@code -p database=h2}). The process reaches an
   * H2 database over H2's TCP server (see {@link BenchDatabase#createShared}).
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
  private MigratorProcess child;

  @Setup(Level.Trial)
  public void applyEverything() throws Exception {
    tool = MigrationEngine.named(engine);
    if (!tool.keepsHistory()) {
      throw new IllegalArgumentException(engine + " keeps no history, so it has no no-op startup");
    }
    set = MigrationSet.createTemporary(shape, migrations);
    db = BenchDatabase.createShared(BenchDatabase.Kind.named(database));
    Verification.reported(tool, tool.migrate(db, set), migrations);
    Verification.appliedExactlyOnce(db, set, tool);
  }

  /** A booted JVM waiting for "go". */
  @Setup(Level.Iteration)
  public void bootJvm() throws Exception {
    child = MigratorProcess.start(engine + " booting", engine, db.target(), set);
    try {
      child.awaitReady();
    } catch (Exception e) {
      child.close(); // JMH skips the iteration's teardown when its setup fails
      throw e;
    }
  }

  @Benchmark
  public int startWithNothingToDo() throws Exception {
    child.go();
    int applied = child.awaitApplied();
    Verification.reported(tool, applied, 0);
    return applied;
  }

  @TearDown(Level.Iteration)
  public void verify() throws Exception {
    child.close(); // kills it only when the shot failed
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
