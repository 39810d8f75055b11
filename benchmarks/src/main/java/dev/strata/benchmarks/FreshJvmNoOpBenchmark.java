package dev.strata.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The no-op start as a replica pays it on boot: the first call in a fresh JVM, everything already
 * applied. {@link NoOpStartupBenchmark} measures the same call in a warm JVM.
 *
 * <p>The trial's database is migrated once in setup ({@link AppliedSetState}); the process reaches
 * an H2 database over H2's TCP server (see {@link BenchDatabase#createShared}). Each shot's setup
 * starts a {@link MigratorProcess} and waits until its JVM is up; the shot sends it "go" and lasts
 * until it has exited, so it counts loading the engine and the driver, connecting, reading files
 * and history and finding nothing to do, in a cold JVM, and not the JVM's own boot. The process
 * must report 0 applied (where the engine reports a count), and after each shot the history and
 * {@code bench_log} must still hold every migration exactly once.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class FreshJvmNoOpBenchmark extends AppliedSetState {
  private MigratorProcess child;

  @Override
  BenchDatabase createDatabase(BenchDatabase.Kind kind) {
    return BenchDatabase.createShared(kind);
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
}
