package dev.strata.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.PostgresTest;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once, in this JVM, on H2 with a tiny migration set, so that the benchmarks
 * never rot: each must complete and pass its own result checks (a wrong result throws, and JMH then
 * fails the run). The racing migrator processes run on H2 and, where test-support finds one ({@link
 * PostgresTest}), on PostgreSQL. Nothing here asserts timings; the real run is in {@code
 * README.md}.
 */
class BenchmarksSmokeTest {
  @Test
  void everyBenchmarkCompletesAndVerifiesItsResultOnH2() throws Exception {
    boolean corpus = Corpus.dir().isPresent();
    ChainedOptionsBuilder options =
        tiny()
            .include("dev\\.strata\\.benchmarks\\..*Benchmark")
            .exclude(ConcurrentMigratorsBenchmark.class.getName())
            .exclude(FreshJvmNoOpBenchmark.class.getName())
            .exclude(FreshDatabaseBenchmark.class.getName())
            .exclude(DiffBenchmark.class.getName())
            .param("dialect", "h2", "postgresql", "mysql");
    if (!corpus) {
      System.err.println(
          "[benchmarks] no corpus: ParserThroughputBenchmark left out of the smoke run");
      options.exclude(ParserThroughputBenchmark.class.getName());
    }
    // Flyway does not serialise concurrent migrators on H2 (two of them insert installed_rank 1),
    // so the race runs on H2 with the engines that hold a lock there.
    ChainedOptionsBuilder race =
        tiny()
            .include(ConcurrentMigratorsBenchmark.class.getName())
            .param("engine", "strata", "historyFloor")
            .param("launch", "thread")
            .param("migrators", "4");
    // Two JVMs per race, one shape: each costs a JVM boot of about a second.
    ChainedOptionsBuilder processes =
        tiny("h2", "realistic")
            .include(ConcurrentMigratorsBenchmark.class.getName())
            .param("engine", "strata", "historyFloor")
            .param("launch", "process")
            .param("migrators", "2");
    // One JVM per engine.
    ChainedOptionsBuilder freshJvms =
        tiny("h2", "realistic").include(FreshJvmNoOpBenchmark.class.getName());

    Collection<RunResult> results = new Runner(options.build()).run();
    Collection<RunResult> raced = new Runner(race.build()).run();
    Collection<RunResult> racedProcesses = new Runner(processes.build()).run();
    Collection<RunResult> booted = new Runner(freshJvms.build()).run();
    // strata-junit's per-test database, on H2 only: the servers' runs are for measuring.
    Collection<RunResult> fresh =
        new Runner(tiny().include(FreshDatabaseBenchmark.class.getName()).build()).run();
    // Inspection and diff of a 20-table schema, on H2 only: 1,000 tables on the servers are for
    // measuring.
    Collection<RunResult> diffs =
        new Runner(tiny().include(DiffBenchmark.class.getName()).param("tables", "20").build())
            .run();
    assertThat(diffs).hasSize(2);
    assertThat(diffs)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive().isFinite());
    assertThat(fresh).hasSize(2 * 2); // copy and migrate, with copies made ahead and without
    assertThat(fresh)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive().isFinite());

    int engineRuns = 2 * (4 + 5); // shapes x (no-op + cold apply engines)
    int classpathRuns = 3 * 2; // layouts x with and without the index
    assertThat(results).hasSize(engineRuns + classpathRuns + (corpus ? 3 : 0));
    assertThat(raced).hasSize(2 * 2);
    assertThat(racedProcesses).hasSize(2);
    assertThat(booted).hasSize(4);
    assertThat(results)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive().isFinite());
    assertThat(raced)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive().isFinite());
    assertThat(racedProcesses)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive().isFinite());
    assertThat(booted)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive().isFinite());
  }

  /**
   * The racing processes against a real server, each engine of the benchmark, since that is where
   * the issue sets their target (H2 reaches them over TCP, which the servers' drivers never do).
   */
  @Test
  @PostgresTest
  void migratorProcessesRaceOnPostgres() throws Exception {
    ChainedOptionsBuilder processes =
        tiny("postgresql", "realistic")
            .include(ConcurrentMigratorsBenchmark.class.getName())
            .param("engine", "strata", "flyway", "historyFloor")
            .param("launch", "process")
            .param("migrators", "2");

    Collection<RunResult> results = new Runner(processes.build()).run();

    assertThat(results).hasSize(3);
    assertThat(results)
        .allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive().isFinite());
  }

  /** Both shapes on H2. */
  private static ChainedOptionsBuilder tiny() {
    return tiny("h2", "realistic", "trivial");
  }

  /** One 50 ms iteration or one shot in this JVM, 6 migrations. (A second param() call adds.) */
  private static ChainedOptionsBuilder tiny(String database, String... shapes) {
    return new OptionsBuilder()
        .param("database", database)
        .param("migrations", "6")
        .param("shape", shapes)
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(50))
        .shouldFailOnError(true);
  }
}
