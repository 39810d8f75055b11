package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.api.StrataException;
import dev.strata.core.Strata;
import dev.strata.testsupport.FaultProxy;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cuts a connection of a running {@code migrate} at a random moment, many times: a {@link
 * FaultProxy} carries every connection of the run, and after a random delay within the length of an
 * uninterrupted run one of the open connections (the lock's or the migration's, whichever is
 * picked) is closed on both sides. After each cut the next {@code migrate}, connected directly,
 * completes, the schema equals that of an uninterrupted run, and each migration is recorded once
 * and whole. On MariaDB, whose DDL cannot roll back, a cut during a statement leaves that migration
 * {@code failed} by design (the server may have completed the statement); the trial then does what
 * the reliability docs tell an operator to: undo what the statement did, {@code repair}, {@code
 * migrate}. Each trial works in a schema of its own; the seed is printed, and {@code
 * -Dstrata.reliability.cuts.seed=…} replays a run.
 */
@Timeout(600)
class RandomCutsIT {
  /** The migrations, each with how to undo it by hand should MariaDB leave it half-done. */
  private static final List<String[]> MIGRATIONS =
      List.of(
          new String[] {
            "V1__customer.sql",
            "CREATE TABLE customer (id int PRIMARY KEY, name varchar(100) NOT NULL);\n",
            "DROP TABLE IF EXISTS customer"
          },
          new String[] {
            "V2__customers.sql",
            "INSERT INTO customer (id, name) VALUES (1, 'ada'), (2, 'grace'), (3, 'edsger');\n"
                + "UPDATE customer SET name = 'Ada' WHERE id = 1;\n",
            null
          },
          new String[] {
            "V3__email.sql",
            "ALTER TABLE customer ADD COLUMN email varchar(200);\n",
            "ALTER TABLE customer DROP COLUMN IF EXISTS email"
          },
          new String[] {
            "V4__email_index.sql",
            "CREATE INDEX customer_email ON customer (email);\n",
            null // set per dialect below: DROP INDEX differs
          },
          new String[] {
            "V5__orders.sql",
            "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES"
                + " customer (id), total decimal(10,2));\n",
            "DROP TABLE IF EXISTS orders"
          },
          new String[] {
            "V6__order_rows.sql",
            "INSERT INTO orders VALUES (1, 1, 10.50), (2, 2, 7.25);\n"
                + "UPDATE customer SET email = 'ada@example.com' WHERE id = 1;\n",
            null
          });

  @TempDir Path dir;

  @Test
  void everyRandomCutOnPostgresIsFollowedByAMigrateThatCompletes(@PostgresTest IsolatedDatabase db)
      throws Exception {
    trials(db, new Dialect("PostgreSQL", false, "DROP INDEX IF EXISTS customer_email"));
  }

  @Test
  void everyRandomCutOnMariaDbIsFollowedByAMigrateThatCompletesOrByTheDocumentedRepair(
      @MySqlTest IsolatedDatabase db) throws Exception {
    trials(db, new Dialect("MariaDB", true, "DROP INDEX IF EXISTS customer_email ON customer"));
  }

  private record Dialect(String product, boolean mariaDb, String dropIndex) {}

  private void trials(IsolatedDatabase db, Dialect dialect) throws Exception {
    Path migrations = Files.createDirectory(dir.resolve("migrations"));
    MigrationFiles files = new MigrationFiles(migrations);
    Map<String, String> undo = new TreeMap<>();
    for (String[] m : MIGRATIONS) {
      files.write(m[0], m[1]);
      String version = m[0].substring(1, m[0].indexOf("__"));
      String undoing = m[0].startsWith("V4") ? dialect.dropIndex() : m[2];
      if (undoing != null) {
        undo.put(version, undoing);
      }
    }
    long seed = Long.getLong("strata.reliability.cuts.seed", System.nanoTime());
    int trials = Sizes.cutTrials();
    Random random = new Random(seed);
    System.out.println(
        "[reliability] " + dialect.product() + " random cuts: " + trials + " trials, seed " + seed);

    try (FaultProxy proxy = FaultProxy.inFrontOf(db)) {
      // A first run warms the JVM up, so the second measures how long a run takes.
      strata(proxy.jdbcUrl(db), files, "cut_warmup").migrate();
      drop(db, dialect, "cut_warmup");
      long startRef = System.nanoTime();
      strata(proxy.jdbcUrl(db), files, "cut_reference").migrate();
      long runNanos = System.nanoTime() - startRef;
      String reference = shape(db, dialect, "cut_reference");

      int broken = 0;
      int repaired = 0;
      for (int trial = 1; trial <= trials; trial++) {
        String schema = "cut_" + trial;
        long delay = (long) (random.nextDouble() * runNanos * 1.2);
        boolean lockFirst = random.nextBoolean();
        String what = "trial " + trial + " (seed " + seed + ", cut after " + delay / 1000 + " µs)";
        try {
          Outcome outcome = cutOnce(proxy, files, db, schema, delay, lockFirst);
          if (outcome.failure != null) {
            broken++;
          }
          MigrateResult next;
          try {
            next = strata(db.jdbcUrl(), files, schema).migrate();
          } catch (StrataException e) {
            if (!dialect.mariaDb() || !e.getMessage().contains("repair")) {
              throw new AssertionError(
                  what + ": the next migrate failed after " + outcome.failure, e);
            }
            undoFailed(db, schema, undo);
            strata(db.jdbcUrl(), files, schema).repair();
            next = strata(db.jdbcUrl(), files, schema).migrate();
            repaired++;
          }
          assertThat(next).as(what).isNotNull();
          assertThat(shape(db, dialect, schema))
              .as(what + ": schema and data")
              .isEqualTo(reference);
          assertThat(
                  Jdbc.column(
                      db,
                      "SELECT version FROM "
                          + qualified(dialect, schema, "strata_schema_history")
                          + " WHERE action = 'APPLY' AND success GROUP BY version"
                          + " HAVING COUNT(*) <> 1"))
              .as(what + ": versions applied other than once")
              .isEmpty();
          assertThat(
                  Jdbc.value(
                      db,
                      "SELECT COUNT(DISTINCT version) FROM "
                          + qualified(dialect, schema, "strata_schema_history")
                          + " WHERE action = 'APPLY' AND success"))
              .as(what)
              .isEqualTo(String.valueOf(MIGRATIONS.size()));
        } catch (AssertionError | Exception e) {
          throw new AssertionError(
              what + " failed; replay with -Dstrata.reliability.cuts.seed=" + seed, e);
        } finally {
          drop(db, dialect, schema);
        }
      }
      drop(db, dialect, "cut_reference");
      System.out.println(
          "[reliability] "
              + dialect.product()
              + " random cuts: "
              + trials
              + " trials within a run of "
              + runNanos / 1_000_000
              + " ms, "
              + broken
              + " broke the run, "
              + repaired
              + " needed the documented repair; every next migrate completed (seed "
              + seed
              + ")");
      assertThat(broken).as("cuts that broke a run").isPositive();
    }
  }

  private record Outcome(Throwable failure) {}

  /**
   * Starts {@code migrate} through the proxy and cuts one of its connections after {@code delay}.
   */
  private Outcome cutOnce(
      FaultProxy proxy,
      MigrationFiles files,
      IsolatedDatabase db,
      String schema,
      long delayNanos,
      boolean lockFirst)
      throws Exception {
    Strata strata = strata(proxy.jdbcUrl(db), files, schema);
    CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(strata::migrate);
    TimeUnit.NANOSECONDS.sleep(delayNanos);
    List<FaultProxy.Link> open = new ArrayList<>(proxy.links());
    if (!open.isEmpty()) {
      // The lock's connection is opened before the migration's: oldest or newest open link.
      open.get(lockFirst ? 0 : open.size() - 1).cut();
    }
    try {
      run.get(60, TimeUnit.SECONDS);
      return new Outcome(null);
    } catch (ExecutionException e) {
      return new Outcome(e.getCause());
    } finally {
      proxy.cutAll(); // nothing of this trial lingers into the next
    }
  }

  private static Strata strata(String url, MigrationFiles files, String schema) {
    return Strata.configure()
        .url(url)
        .sources(files.location())
        .schema(schema)
        .lockTimeout(Duration.ofSeconds(30))
        .load();
  }

  /** Undoes by hand what the failed migration's statement may have done, as an operator would. */
  private static void undoFailed(IsolatedDatabase db, String schema, Map<String, String> undo)
      throws Exception {
    List<String> failed =
        Jdbc.column(
            db,
            "SELECT version FROM `"
                + schema
                + "`.strata_schema_history h WHERE NOT success AND installed_rank ="
                + " (SELECT MAX(installed_rank) FROM `"
                + schema
                + "`.strata_schema_history)");
    try (Connection c = db.connect()) {
      Jdbc.execute(c, "USE `" + schema + "`");
      for (String version : failed) {
        String sql = undo.get(version);
        if (sql != null) {
          Jdbc.execute(c, sql);
        }
      }
    }
  }

  /** Columns, indexes and rows of the migrations' tables in {@code schema}. */
  private static String shape(IsolatedDatabase db, Dialect dialect, String schema)
      throws Exception {
    String s = "'" + schema + "'";
    StringBuilder shape = new StringBuilder();
    shape.append(
        Jdbc.column(
            db,
            "SELECT CONCAT(table_name, '.', column_name, ':', data_type, ':', is_nullable)"
                + " FROM information_schema.columns WHERE table_schema = "
                + s
                + " AND table_name NOT LIKE 'strata%' ORDER BY table_name, ordinal_position"));
    shape.append(
        Jdbc.column(
            db,
            dialect.mariaDb()
                ? "SELECT DISTINCT CONCAT(table_name, '.', index_name) FROM"
                    + " information_schema.statistics WHERE table_schema = "
                    + s
                    + " AND table_name NOT LIKE 'strata%' ORDER BY 1"
                : "SELECT indexdef FROM pg_indexes WHERE schemaname = "
                    + s
                    + " AND tablename NOT LIKE 'strata%' ORDER BY indexname"));
    boolean migrated =
        !Jdbc.value(
                db,
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                    + s
                    + " AND table_name = 'orders'")
            .equals("0");
    if (migrated) {
      shape.append(
          Jdbc.column(
              db,
              "SELECT CONCAT(id, ' ', name, ' ', COALESCE(email, '-')) FROM "
                  + qualified(dialect, schema, "customer")
                  + " ORDER BY id"));
      shape.append(
          Jdbc.column(
              db,
              "SELECT CONCAT(id, ' ', customer_id, ' ', total) FROM "
                  + qualified(dialect, schema, "orders")
                  + " ORDER BY id"));
    }
    return shape.toString().replace(schema + ".", "<schema>.");
  }

  private static String qualified(Dialect dialect, String schema, String table) {
    return dialect.mariaDb() ? "`" + schema + "`." + table : "\"" + schema + "\"." + table;
  }

  private static void drop(IsolatedDatabase db, Dialect dialect, String schema) throws Exception {
    Jdbc.execute(
        db,
        dialect.mariaDb()
            ? "DROP DATABASE IF EXISTS `" + schema + "`"
            : "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
  }
}
