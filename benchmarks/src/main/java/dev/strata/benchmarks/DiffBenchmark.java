package dev.strata.benchmarks;

import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObjectType;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Schema inspection and {@code diff} on a wide schema: {@code tables} tables of 10 columns, a
 * primary key and 2 secondary indexes each, made by migrations of 10 tables each and applied once
 * in the trial's setup.
 *
 * <ul>
 *   <li>{@code inspect}: {@link Strata#inspectSchema()}, the model of the live schema;
 *   <li>{@code diff}: {@link Strata#diff()}, which creates a scratch database on the same server,
 *       applies every migration to it, inspects both schemas, compares them and drops it.
 * </ul>
 *
 * <p>Each operation verifies its result: the model must hold exactly the tables, columns, indexes
 * and primary keys the migrations make, and the diff must find no drift. Single shots, since one
 * {@code diff} of 1,000 tables takes seconds on the servers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class DiffBenchmark {
  private static final int COLUMNS = 10;
  private static final int INDEXES = 2;
  private static final int TABLES_PER_MIGRATION = 10;

  /**
   * {@code postgresql}, {@code mariadb} (the issue's), or {@code h2}; the servers come from
   * test-support, and a missing one fails its trials.
   */
  @Param({"postgresql", "mariadb"})
  public String database = "postgresql";

  /** Tables in the schema, each with 10 columns and 2 indexes. */
  @Param({"1000"})
  public int tables = 1000;

  private BenchDatabase db;
  private Path migrations;
  private Strata strata;

  @Setup(Level.Trial)
  public void migrateTheWideSchema() throws Exception {
    db = BenchDatabase.create(BenchDatabase.Kind.named(database));
    migrations = Files.createTempDirectory("strata-diff-bench");
    writeMigrations(migrations, tables);
    StrataConfiguration.Builder config = Strata.configure().sources("filesystem:" + migrations);
    // By URL on the servers, so the diff's shadow is a scratch database, as the CLI's is.
    strata =
        (db.kind() == BenchDatabase.Kind.H2
                ? config.dataSource(db.dataSource())
                : config.url(db.target().url()))
            .load();
    int applied = strata.migrate().applied().size();
    if (applied != tables / TABLES_PER_MIGRATION) {
      throw new IllegalStateException(
          "applied " + applied + " migrations, expected " + tables / TABLES_PER_MIGRATION);
    }
    verify(strata.inspectSchema());
  }

  @Benchmark
  public SchemaModel inspect() {
    return verify(strata.inspectSchema());
  }

  @Benchmark
  public SchemaDiff diff() {
    SchemaDiff diff = strata.diff();
    if (diff.hasDrift() || !diff.pending().isEmpty()) {
      throw new IllegalStateException(
          "diff of an untouched schema found drift: " + diff.differences());
    }
    verify(diff.expected());
    return diff;
  }

  @TearDown(Level.Trial)
  public void dropDatabase() throws Exception {
    try {
      db.close();
    } finally {
      try (var files = Files.list(migrations)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(migrations);
    }
  }

  /** The model holds what the migrations make: no more, no fewer objects of each type. */
  private SchemaModel verify(SchemaModel model) {
    check(model, SchemaObjectType.TABLE, tables);
    check(model, SchemaObjectType.COLUMN, tables * COLUMNS);
    check(model, SchemaObjectType.INDEX, tables * INDEXES);
    check(model, SchemaObjectType.CONSTRAINT, tables);
    return model;
  }

  private static void check(SchemaModel model, SchemaObjectType type, int expected) {
    int found = model.objects(type).size();
    if (found != expected) {
      throw new IllegalStateException(
          "the model has " + found + " " + type.label() + " objects, expected " + expected);
    }
  }

  /**
   * {@code V<n>__tables.sql}, each creating 10 tables: an id primary key and 9 columns of the types
   * H2, PostgreSQL and MariaDB share, some {@code NOT NULL} or with a default, and 2 indexes, one
   * of them on two columns.
   */
  static void writeMigrations(Path dir, int tables) throws IOException {
    if (tables % TABLES_PER_MIGRATION != 0) {
      throw new IllegalArgumentException(
          "tables must be a multiple of " + TABLES_PER_MIGRATION + ": " + tables);
    }
    for (int m = 0; m < tables / TABLES_PER_MIGRATION; m++) {
      StringBuilder sql = new StringBuilder();
      for (int t = m * TABLES_PER_MIGRATION; t < (m + 1) * TABLES_PER_MIGRATION; t++) {
        String name = "wide_" + t;
        sql.append("CREATE TABLE ")
            .append(name)
            .append(" (\n")
            .append("  id BIGINT PRIMARY KEY,\n")
            .append("  account_id BIGINT NOT NULL,\n")
            .append("  name VARCHAR(100) NOT NULL,\n")
            .append("  email VARCHAR(200),\n")
            .append("  status VARCHAR(20) DEFAULT 'new' NOT NULL,\n")
            .append("  quantity INTEGER DEFAULT 0 NOT NULL,\n")
            .append("  price DECIMAL(10,2),\n")
            .append("  active BOOLEAN DEFAULT TRUE NOT NULL,\n")
            .append("  created_on DATE,\n")
            .append("  note VARCHAR(1000)\n")
            .append(");\n")
            .append("CREATE INDEX ")
            .append(name)
            .append("_account ON ")
            .append(name)
            .append(" (account_id, created_on);\n")
            .append("CREATE INDEX ")
            .append(name)
            .append("_email ON ")
            .append(name)
            .append(" (email);\n");
      }
      Files.writeString(
          dir.resolve("V" + (m + 1) + "__tables_" + m + ".sql"),
          sql.toString(),
          StandardCharsets.UTF_8);
    }
  }
}
