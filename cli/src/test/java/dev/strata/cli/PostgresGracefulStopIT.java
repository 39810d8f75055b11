package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the runnable jar while PostgreSQL runs a long statement, as Kubernetes sends when it
 * deletes a pod; everything asserted is read from the server.
 */
@PostgresTest
class PostgresGracefulStopIT {
  /** The advisory lock of the default history table in schema public (see AdvisoryLock.keyOf). */
  static final long LOCK_KEY = lockKey("strata:public.strata_schema_history");

  @TempDir Path dir;

  @Test
  void sigtermCancelsPgSleepRollsBackTheMigrationReleasesTheLockAndTheNextMigrateCompletes(
      IsolatedDatabase db) throws Exception {
    // V2 sleeps as long as `knob` says; turned down afterwards, the same file (same checksum)
    // runs at once. Its CREATE TABLE comes first, so a half-committed V2 would leave `half`.
    Workspace ws =
        new Workspace(dir.resolve("ws"))
            .file("V1__knob.sql", "CREATE TABLE knob (n INT);\nINSERT INTO knob VALUES (600);\n")
            .file(
                "V2__slow.sql",
                "CREATE TABLE half (id INT);\nSELECT pg_sleep((SELECT n FROM knob));\n");
    Map<String, String> environment =
        Map.of("STRATA_URL", db.jdbcUrl(), "STRATA_SOURCES", "filesystem:" + ws.migrations);

    JarProcess migrate = JarProcess.start(dir, environment, "migrate", "--heartbeat", "off");
    migrate.await(
        "running pg_sleep holding the advisory lock",
        () -> !sleeping(db).isEmpty() && advisoryLocks(db) == 1,
        Duration.ofSeconds(30));
    long sent = System.nanoTime();
    migrate.terminate();
    CliResult stopped = migrate.finish(Duration.ofSeconds(10));
    Duration took = Duration.ofNanos(System.nanoTime() - sent);

    System.out.println("PostgreSQL: SIGTERM to exit " + took.toMillis() + " ms");
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.STOPPED);
    assertThat(stopped.err())
        .contains("Stopping: the process received SIGTERM")
        .contains(
            "error: Stopped on request while applying V2 slow at "
                + ws.migrations.resolve("V2__slow.sql")
                + ":2. The migration was rolled back: nothing of it is applied. Run the command"
                + " again to continue.");
    assertThat(sleeping(db)).as("pg_sleep still running").isEmpty();
    assertThat(advisoryLocks(db)).as("advisory locks held").isZero();
    assertThat(history(db)).containsExactly("APPLY 1 true 2", "APPLY 2 false 0");
    assertThat(tables(db)).contains("knob").doesNotContain("half");

    DatabaseRows.execute(db.dataSource(), "UPDATE knob SET n = 0");
    CliResult again = JarProcess.run(dir, environment, "migrate", "--lock-timeout", "1s");

    assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
    assertThat(again.lastLine()).matches("applied 1 migration \\(V2\\) in \\d+ ms");
    assertThat(history(db)).containsExactly("APPLY 1 true 2", "APPLY 2 false 0", "APPLY 2 true 2");
    assertThat(tables(db)).contains("knob", "half");
  }

  /**
   * {@code diff} stopped while it builds the expected schema: the scratch database it made goes
   * with it, so a Job killed mid-diff leaves nothing behind on the server.
   */
  @Test
  void sigtermDuringDiffDropsTheScratchDatabase(IsolatedDatabase db) throws Exception {
    // Only in the shadow does V2 sleep: the live run is quick, the diff's is not.
    Workspace ws =
        new Workspace(dir.resolve("ws"))
            .file("V1__t.sql", "CREATE TABLE t (id INT);\n")
            .file(
                "V2__slow_in_shadow.sql",
                "SELECT pg_sleep(CASE WHEN current_database() LIKE 'strata_shadow_%' THEN 600"
                    + " ELSE 0 END);\n");
    Map<String, String> environment =
        Map.of("STRATA_URL", db.jdbcUrl(), "STRATA_SOURCES", "filesystem:" + ws.migrations);
    assertThat(JarProcess.run(dir, environment, "migrate").exitCode()).isZero();

    List<String> before = shadows(db, false); // another run's, on a shared server
    JarProcess diff = JarProcess.start(dir, environment, "diff");
    diff.await(
        "the shadow's migration sleeping",
        () -> shadows(db, true).stream().anyMatch(name -> !before.contains(name)),
        Duration.ofSeconds(30));
    diff.terminate();
    CliResult stopped = diff.finish(Duration.ofSeconds(20));

    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.STOPPED);
    assertThat(shadows(db, false)).as("scratch databases left").isEqualTo(before);
  }

  /** Databases named like diff's scratch ones; with {@code sleeping}, those running pg_sleep. */
  private static List<String> shadows(IsolatedDatabase db, boolean sleeping) throws Exception {
    return DatabaseRows.column(
        db.dataSource(),
        sleeping
            ? "SELECT datname FROM pg_stat_activity WHERE datname LIKE 'strata\\_shadow\\_%'"
                + " AND state = 'active' AND query LIKE '%pg_sleep%'"
            : "SELECT datname FROM pg_database WHERE datname LIKE 'strata\\_shadow\\_%'");
  }

  /** Backends of this database running pg_sleep now. */
  private static List<String> sleeping(IsolatedDatabase db) throws Exception {
    return DatabaseRows.column(
        db.dataSource(),
        "SELECT pid FROM pg_stat_activity WHERE datname = ? AND state = 'active'"
            + " AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()",
        db.name());
  }

  /** Holders of Strata's advisory lock in this database. */
  private static int advisoryLocks(IsolatedDatabase db) throws Exception {
    return DatabaseRows.column(
            db.dataSource(),
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = ?)"
                + " AND ((classid::bigint << 32) | objid::bigint) = ?",
            db.name(),
            LOCK_KEY)
        .size();
  }

  private static List<String> history(IsolatedDatabase db) throws Exception {
    return DatabaseRows.column(
        db.dataSource(),
        "SELECT action || ' ' || version || ' ' || success || ' ' || statements_applied"
            + " FROM public.strata_schema_history WHERE installed_rank > 0 ORDER BY installed_rank");
  }

  private static List<String> tables(IsolatedDatabase db) throws Exception {
    return DatabaseRows.column(
        db.dataSource(),
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
  }

  /** The first 8 bytes of the SHA-256 of the lock's name, as the PostgreSQL dialect keys it. */
  private static long lockKey(String name) {
    try {
      return ByteBuffer.wrap(
              MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)),
              0,
              Long.BYTES)
          .getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
