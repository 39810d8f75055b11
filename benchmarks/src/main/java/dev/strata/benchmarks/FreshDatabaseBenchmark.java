package dev.strata.benchmarks;

import dev.strata.junit.MigratedDatabase.Database;
import dev.strata.junit.internal.DatabaseCopy;
import dev.strata.junit.internal.DatabaseSpec;
import dev.strata.junit.internal.Template;
import dev.strata.junit.internal.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * What strata-junit costs per test: one operation gives a test a database in the state of N {@code
 * realistic} migrations and drops it afterwards, either as strata-junit does ({@code copy}: a copy
 * of a template migrated once per trial) or by migrating an empty database from scratch ({@code
 * migrate}, the empty database being a copy of a template with no migrations). H2 in memory;
 * PostgreSQL from the embedded binaries (durability off, as strata-junit runs it) unless {@code
 * STRATA_TEST_POSTGRES_URL} names a server; MariaDB at {@code STRATA_TEST_MYSQL_URL}, else
 * 127.0.0.1:3306 as root. With copies made ahead ({@code prepared=2}) an operation is what a test
 * waits for when tests come back to back with no work of their own, the worst case: the background
 * thread's copy and drop are then the pace.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FreshDatabaseBenchmark {
  @Param({"h2", "postgresql", "mariadb"})
  public String database;

  @Param({"copy", "migrate"})
  public String mode;

  @Param({"100"})
  public int migrations;

  /**
   * strata-junit's {@code strata.junit.prepared}: copies made ahead on a background thread ({@code
   * 2}, the default), or {@code 0}: each copy made and dropped on the test's thread.
   */
  @Param({"2", "0"})
  public String prepared;

  private @Nullable MigrationSet set;
  private @Nullable Template template;
  private @Nullable DatabaseSpec spec;
  private @Nullable Path empty;

  @Setup(Level.Trial)
  public void migrateTemplate() throws Exception {
    System.setProperty("strata.junit.prepared", prepared);
    set = MigrationSet.createTemporary("realistic", migrations);
    empty = Files.createTempDirectory("strata-bench-empty-");
    Database kind =
        switch (database) {
          case "h2" -> Database.H2;
          case "postgresql" -> Database.POSTGRESQL;
          case "mariadb" -> Database.MYSQL;
          default -> throw new IllegalArgumentException("unknown database " + database);
        };
    String server =
        kind == Database.MYSQL
            ? System.getenv()
                .getOrDefault("STRATA_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/test?user=root")
            : null;
    spec = new DatabaseSpec(kind, List.of("filesystem:" + set.migrationsDir()), Map.of(), server);
    DatabaseSpec start =
        mode.equals("copy")
            ? spec
            : new DatabaseSpec(kind, List.of("filesystem:" + empty), Map.of(), server);
    template = Templates.forSpec(start);
  }

  @Benchmark
  public String freshDatabase() throws Exception {
    try (DatabaseCopy copy = template.copy()) {
      if (mode.equals("migrate")) {
        Template.migrate(spec, copy.dataSource());
      }
      return copy.url();
    }
  }

  @TearDown(Level.Trial)
  public void deleteFiles() throws Exception {
    template.close();
    set.delete();
    Files.deleteIfExists(empty);
  }
}
