package dev.strata.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A replica booting when everything is already applied: create the engine object, connect, read the
 * files and the history, find nothing to do. Paid by every replica on every boot.
 *
 * <p>The trial's database is migrated once in setup ({@link AppliedSetState}); each operation must
 * then apply nothing (the engine's count is checked where it reports one), and after each iteration
 * the history and {@code bench_log} must still hold every migration exactly once. {@code -p
 * migrations=10000 -p shape=trivial} adds the large case.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NoOpStartupBenchmark extends AppliedSetState {
  @Override
  BenchDatabase createDatabase(BenchDatabase.Kind kind) {
    return BenchDatabase.create(kind);
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
}
