package dev.strata.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state of the no-op benchmarks: a database with every migration of the set applied once in the
 * trial's setup, checked to hold each exactly once, and dropped after the trial.
 */
@State(Scope.Benchmark)
public abstract class AppliedSetState {
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

  MigrationEngine tool;
  MigrationSet set;
  BenchDatabase db;

  /** The empty database of {@code kind} the trial migrates. */
  abstract BenchDatabase createDatabase(BenchDatabase.Kind kind);

  @Setup(Level.Trial)
  public void applyEverything() throws Exception {
    tool = MigrationEngine.named(engine);
    if (!tool.keepsHistory()) {
      throw new IllegalArgumentException(engine + " keeps no history, so it has no no-op startup");
    }
    set = MigrationSet.createTemporary(shape, migrations);
    db = createDatabase(BenchDatabase.Kind.named(database));
    Verification.reported(tool, tool.migrate(db, set), migrations);
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
