package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.ScriptParseException;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration.LockMode;
import dev.strata.dialect.postgres.internal.PostgresDialect;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Migrations through the engine, end to end, on a real PostgreSQL server. */
@PostgresTest
class PostgresMigrateIT {
  @TempDir Path dir;

  @Test
  void rollsBackAFailingMigrationCompletelyAndNamesFileLineAndSqlState(IsolatedDatabase db)
      throws Exception {
    file("V1__people.sql", "CREATE TABLE people (id int PRIMARY KEY);\n");
    file(
        "V2__bad.sql",
        "CREATE TABLE pets (id int);\n"
            + "INSERT INTO pets VALUES (1);\n\n"
            + "SELECT * FROM missing_table;\n");

    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.sqlState()).isEqualTo("42P01");
            })
        .hasMessageContaining(
            "Applying V2 bad failed at "
                + dir.resolve("V2__bad.sql")
                + ":4 (SELECT * FROM missing_table): ")
        .hasMessageContaining("relation \"missing_table\" does not exist")
        .hasMessageContaining("(SQLSTATE 42P01)")
        .hasMessageContaining("The migration was rolled back: nothing of it is applied.");

    assertThat(tableExists(db, "people")).isTrue();
    assertThat(tableExists(db, "pets")).isFalse();
    assertThat(history(db)).containsExactly("1 APPLY 1 true 1", "2 APPLY 2 false 0");
    assertThat(strata(db).status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
  }

  /**
   * A script with its own BEGIN/COMMIT runs without Strata's transaction; when a statement inside
   * one it opened fails, PostgreSQL has undone that whole transaction, so only what came before its
   * BEGIN remains, and the history and the message say exactly that (in both lock modes: the
   * lease's progress rows are written on the migration's connection, inside the aborted one).
   */
  @ParameterizedTest
  @EnumSource(LockMode.class)
  void aFailureInsideTheScriptsOwnTransactionCountsOnlyWhatCameBeforeItsBegin(
      LockMode mode, IsolatedDatabase db) throws Exception {
    file(
        "V1__own.sql",
        "CREATE TABLE kept (id int);\n"
            + "BEGIN;\n"
            + "CREATE TABLE undone (id int);\n"
            + "SELECT 1/0;\n"
            + "COMMIT;\n");

    assertThatThrownBy(() -> strata(db, mode).migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("V1__own.sql:4 (SELECT 1/0)")
        .hasMessageContaining(
            "The transaction the script opened at statement 2 was rolled back; statements 1-1 of"
                + " 5 were applied and remain.");

    assertThat(tableExists(db, "kept")).isTrue();
    assertThat(tableExists(db, "undone")).isFalse();
    assertThat(history(db)).containsExactly("1 APPLY 1 false 1");
  }

  @ParameterizedTest
  @EnumSource(LockMode.class)
  void aScriptWhoseOwnTransactionFailsBeforeAnythingRemainsCanSimplyBeRunAgain(
      LockMode mode, IsolatedDatabase db) throws Exception {
    file("V1__own.sql", "BEGIN;\nCREATE TABLE a (id int);\nINSERT INTO a VALUES (1/0);\nCOMMIT;\n");

    assertThatThrownBy(() -> strata(db, mode).migrate())
        .hasMessageContaining(
            "The transaction the script opened at statement 1 was rolled back, and no statement"
                + " before it changed anything, so nothing of it is applied.")
        .hasMessageContaining("Fix the script and run the command again.");
    assertThat(tableExists(db, "a")).isFalse();
    assertThat(history(db)).containsExactly("1 APPLY 1 false 0");

    file("V1__own.sql", "BEGIN;\nCREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\nCOMMIT;\n");
    assertThat(strata(db, mode).migrate().applied()).hasSize(1);
    assertThat(column(db, "SELECT count(*) FROM a")).containsExactly("1");
  }

  @Test
  void refusesAScriptThatOpensATransactionItNeverEndsBeforeChangingAnything(IsolatedDatabase db)
      throws Exception {
    file("V1__first.sql", "CREATE TABLE first (id int);\n");
    file("V2__open.sql", "CREATE TABLE a (id int);\n\nBEGIN;\nCREATE TABLE b (id int);\n");

    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOf(ScriptParseException.class)
        .hasMessageContaining("V2__open.sql:3")
        .hasMessageContaining("'BEGIN' opens a transaction that the script never ends");
    assertThat(tableExists(db, "first")).isFalse();
    assertThat(tableExists(db, "a")).isFalse();
  }

  @Test
  void refusesAPsqlMetaCommandBeforeChangingAnything(IsolatedDatabase db) throws Exception {
    file("V1__meta.sql", "CREATE TABLE t (id int);\n\\connect other\n");

    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOf(ScriptParseException.class)
        .hasMessageStartingWith(
            dir.resolve("V1__meta.sql") + ":2: psql meta-command \\connect is not supported");
    assertThat(tableExists(db, "t")).isFalse();
    assertThat(tableExists(db, "strata_schema_history")).isFalse();
  }

  @Test
  void copiesRowsFromStdin(IsolatedDatabase db) throws Exception {
    file(
        "V1__countries.sql",
        "CREATE TABLE countries (code char(2), name text);\n"
            + "COPY countries (code, name) FROM stdin;\n"
            + "fr\tFrance; République française\n"
            + "de\t\\N\n"
            + "\\.\n"
            + "COPY countries FROM stdin WITH (FORMAT csv);\n"
            + "it,\"Italia, \"\"bella\"\"\"\n"
            + "\\.\n"
            + "UPDATE countries SET name = 'Deutschland' WHERE code = 'de';\n");

    MigrateResult result = strata(db).migrate();

    assertThat(result.applied()).hasSize(1);
    assertThat(result.applied().get(0).statements()).isEqualTo(4);
    assertThat(column(db, "SELECT code || '=' || name FROM countries ORDER BY code"))
        .containsExactly(
            "de=Deutschland", "fr=France; République française", "it=Italia, \"bella\"");
  }

  @Test
  void appliesOnceWhenMigratedTwice(IsolatedDatabase db) throws Exception {
    file("V1__t.sql", "CREATE TABLE t (id int);\n");
    file("V2__row.sql", "INSERT INTO t VALUES (1);\n");

    MigrateResult first = strata(db).migrate();
    MigrateResult second = strata(db).migrate();

    assertThat(first.applied()).hasSize(2);
    assertThat(second.applied()).isEmpty();
    assertThat(second.lockTaken()).isFalse();
    assertThat(column(db, "SELECT count(*) FROM t")).containsExactly("1");
    assertThat(history(db)).containsExactly("1 APPLY 1 true 1", "2 APPLY 2 true 1");
  }

  @Test
  void appliesEachMigrationExactlyOnceWhenEightReplicasMigrateAtOnce(IsolatedDatabase db)
      throws Exception {
    file("V1__t.sql", "CREATE TABLE t (id int);\n");
    file("V2__slow.sql", "INSERT INTO t VALUES (2);\nSELECT pg_sleep(0.3);\n");
    file("V3__index.sql", "CREATE INDEX CONCURRENTLY t_id ON t (id);\n");
    int replicas = 8;
    CyclicBarrier start = new CyclicBarrier(replicas);
    ExecutorService executor = Executors.newFixedThreadPool(replicas);
    List<Future<MigrateResult>> results = new ArrayList<>();
    try {
      for (int i = 0; i < replicas; i++) {
        results.add(
            executor.submit(
                () -> {
                  Strata strata = strata(db); // each replica configures its own
                  start.await();
                  return strata.migrate();
                }));
      }
      int applied = 0;
      for (Future<MigrateResult> result : results) {
        applied += result.get(120, TimeUnit.SECONDS).applied().size();
      }
      assertThat(applied).isEqualTo(3);
    } finally {
      executor.shutdownNow();
    }

    assertThat(history(db))
        .containsExactly("1 APPLY 1 true 1", "2 APPLY 2 true 2", "3 APPLY 3 true 1");
    assertThat(column(db, "SELECT count(*) FROM t")).containsExactly("1");
  }

  @Test
  void runsCreateIndexConcurrentlyOutsideATransaction(IsolatedDatabase db) throws Exception {
    file("V1__t.sql", "CREATE TABLE t (id int, name text);\nINSERT INTO t VALUES (1, 'a');\n");
    file(
        "V2__indexes.sql",
        "CREATE INDEX CONCURRENTLY t_id ON t (id);\n"
            + "-- a second one in the same file\n"
            + "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_name ON t (name);\n");

    assertThat(strata(db).migrate().applied()).hasSize(2);

    assertThat(
            column(
                db,
                "SELECT indexrelid::regclass || ' ' || indisvalid FROM pg_index"
                    + " WHERE indrelid = 't'::regclass ORDER BY 1"))
        .containsExactly("t_id true", "t_name true");
    assertThat(history(db)).containsExactly("1 APPLY 1 true 2", "2 APPLY 2 true 2");
  }

  @Test
  void preparesTheMigrationSessionWithTheDefaultLockTimeoutAndApplicationName(IsolatedDatabase db)
      throws Exception {
    file(
        "V1__settings.sql",
        "CREATE TABLE settings AS SELECT current_setting('lock_timeout') AS lock_timeout,"
            + " current_setting('application_name') AS application_name;\n");

    strata(db).migrate();

    assertThat(column(db, "SELECT lock_timeout || ' ' || application_name FROM settings"))
        .containsExactly("10s strata");
  }

  @Test
  void failsAMigrationBlockedByAnotherSessionsTableLockAfterTheLockTimeout(IsolatedDatabase db)
      throws Exception {
    file("V1__t.sql", "CREATE TABLE t (id int);\n");
    strata(db).migrate();
    file("V2__add_column.sql", "ALTER TABLE t ADD COLUMN name text;\n");
    Strata shortLockTimeout =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("filesystem:" + dir)
            .dialectProvider(new ShortLockTimeout(Duration.ofSeconds(1)))
            .load();
    try (Connection other = db.connect()) {
      other.setAutoCommit(false);
      execute(other, "LOCK TABLE t IN ACCESS SHARE MODE"); // as a long report query would

      long start = System.nanoTime();
      assertThatThrownBy(shortLockTimeout::migrate)
          .isInstanceOfSatisfying(
              MigrationFailedException.class, e -> assertThat(e.sqlState()).isEqualTo("55P03"))
          .hasMessageContaining(
              dir.resolve("V2__add_column.sql") + ":1 (ALTER TABLE t ADD COLUMN name text): ")
          .hasMessageContaining("canceling statement due to lock timeout")
          .hasMessageContaining("(SQLSTATE 55P03)");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(8));

      other.rollback();
    }
    assertThat(shortLockTimeout.migrate().applied()).hasSize(1);
  }

  /**
   * An explicitly registered dialect with a short {@code lock_timeout}; it wins over ServiceLoader.
   */
  private static final class ShortLockTimeout implements DialectProvider {
    private final Duration lockTimeout;

    ShortLockTimeout(Duration lockTimeout) {
      this.lockTimeout = lockTimeout;
    }

    @Override
    public String name() {
      return PostgresDialectProvider.NAME;
    }

    @Override
    public boolean supports(DatabaseProduct product) {
      return "PostgreSQL".equals(product.name());
    }

    @Override
    public Dialect create(DatabaseProduct product) {
      return new PostgresDialect(product.majorVersion(), lockTimeout);
    }
  }

  // Helpers

  private Strata strata(IsolatedDatabase db) {
    return strata(db, LockMode.DATABASE);
  }

  private Strata strata(IsolatedDatabase db, LockMode mode) {
    return Strata.configure()
        .dataSource(db.dataSource())
        .sources("filesystem:" + dir)
        .lockMode(mode)
        .load();
  }

  private void file(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private List<String> history(IsolatedDatabase db) {
    return strata(db).history().stream().map(PostgresMigrateIT::describe).toList();
  }

  private static String describe(HistoryEntry e) {
    return e.rank()
        + " "
        + e.action()
        + " "
        + e.id().version()
        + " "
        + e.success()
        + " "
        + e.statementsApplied();
  }

  static boolean tableExists(IsolatedDatabase db, String table) throws SQLException {
    return !column(
            db,
            "SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table + "'")
        .isEmpty();
  }

  static List<String> column(IsolatedDatabase db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
