package dev.strata.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.JavaMigrationContext;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backfills on PostgreSQL: interrupted in process and killed in a child process, then resumed;
 * every row must be updated exactly once while another writer, with {@code lock_timeout = 2s},
 * keeps updating random rows of the same table and never times out.
 *
 * <p>The table has 100,000 rows; {@code -Dstrata.backfill.full=true} makes it 1,000,000.
 */
@PostgresTest
class BackfillOnPostgresIT {
  static final int ROWS = Boolean.getBoolean("strata.backfill.full") ? 1_000_000 : 100_000;
  static final int BATCH = 1_000;

  @TempDir Path dir;

  /** The backfill under test; the child process runs it too. */
  static Backfill emails() {
    return Backfill.table("person")
        .key("id")
        .set("email_lower = lower(email), updated_count = updated_count + 1");
  }

  @Test
  void resumesAnInterruptedRunAndUpdatesEveryRowExactlyOnce(IsolatedDatabase db) throws Exception {
    createPeople(db);
    List<Duration> batchTimes = new ArrayList<>();
    try (Connection c = db.connect();
        Contender contender = Contender.start(db)) {
      JavaMigrationContext context = new JavaMigrationContext(c, "public");
      int stopAfter = ROWS / BATCH / 4;
      assertThatThrownBy(
              () ->
                  emails()
                      .batchSize(BATCH)
                      .onProgress(
                          p -> {
                            if (p.batches() == stopAfter) {
                              throw new IllegalStateException(
                                  "stopped after " + stopAfter + " batches");
                            }
                          })
                      .run(context))
          .hasMessage("stopped after " + stopAfter + " batches");
      assertThat(progress(db)).isEqualTo(stopAfter * BATCH + " false");
      assertThat(count(db, "SELECT count(*) FROM person WHERE updated_count = 1"))
          .isEqualTo(stopAfter * BATCH);

      Duration[] previous = {Duration.ZERO};
      BackfillResult result =
          emails()
              .batchSize(BATCH)
              .onProgress(
                  p -> {
                    batchTimes.add(p.elapsed().minus(previous[0]));
                    previous[0] = p.elapsed();
                  })
              .run(context);

      assertThat(result.resumed()).isTrue();
      assertThat(result.rowsDone()).isEqualTo(ROWS);
      contender.stopAndAssertNeverTimedOut();
      report("in-process resume", result, batchTimes, contender);
    }
    assertEveryRowUpdatedExactlyOnce(db);
  }

  @Test
  void resumesAfterTheProcessRunningItIsKilled(IsolatedDatabase db) throws Exception {
    createPeople(db);
    Path out = dir.resolve("child.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp",
                System.getProperty("java.class.path"),
                BackfillChild.class.getName(),
                String.valueOf(BATCH),
                "5")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    // The URL holds credentials: through the environment, never the command line.
    builder.environment().put("STRATA_BACKFILL_URL", db.jdbcUrl());
    Process child = builder.start();
    long killedAt;
    try {
      killedAt = waitForRowsDone(db, child, ROWS / 5, out);
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    waitForOtherSessionsToEnd(db);

    // What the killed process committed, data and progress row agree on, batch for batch.
    String progress = progress(db);
    long committed = Long.parseLong(progress.split(" ")[0]);
    assertThat(progress).endsWith(" false");
    assertThat(committed)
        .isBetween(killedAt, (long) ROWS - BATCH)
        .isEqualTo(committed / BATCH * BATCH);
    assertThat(count(db, "SELECT count(*) FROM person WHERE updated_count = 1"))
        .isEqualTo(committed);
    assertThat(count(db, "SELECT count(*) FROM person WHERE updated_count > 1")).isZero();

    List<Duration> batchTimes = new ArrayList<>();
    try (Connection c = db.connect();
        Contender contender = Contender.start(db)) {
      Duration[] previous = {Duration.ZERO};
      BackfillResult result =
          emails()
              .batchSize(BATCH)
              .onProgress(
                  p -> {
                    batchTimes.add(p.elapsed().minus(previous[0]));
                    previous[0] = p.elapsed();
                  })
              .run(new JavaMigrationContext(c, "public"));

      assertThat(result.resumed()).isTrue();
      assertThat(result.rowsUpdated()).isEqualTo(ROWS - committed);
      contender.stopAndAssertNeverTimedOut();
      report("resume after kill at " + committed + " rows", result, batchTimes, contender);
    }
    assertEveryRowUpdatedExactlyOnce(db);
  }

  @Test
  void pagesOverUuidKeysAndResumes(IsolatedDatabase db) throws Exception {
    // PostgreSQL has no max(uuid): the batch bound must come without an aggregate.
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE token (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), hits int NOT NULL DEFAULT 0)");
      s.execute("INSERT INTO token (hits) SELECT 0 FROM generate_series(1, 2500)");
      Backfill tokens = Backfill.table("token").key("id").set("hits = hits + 1").batchSize(1000);
      JavaMigrationContext context = new JavaMigrationContext(c, "public");
      assertThatThrownBy(
              () ->
                  tokens
                      .onProgress(
                          p -> {
                            throw new IllegalStateException("stop");
                          })
                      .run(context))
          .hasMessage("stop");

      BackfillResult result = tokens.run(context);

      assertThat(result.batches()).isEqualTo(2);
      assertThat(result.rowsDone()).isEqualTo(2500);
    }
    assertThat(count(db, "SELECT count(*) FROM token WHERE hits <> 1")).isZero();
  }

  @Test
  void theOtherWriterTimesOutBehindOneUpdateOfTheWholeTable(IsolatedDatabase db) throws Exception {
    // The control: what the backfill avoids is visible to the measurement.
    createPeople(db);
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        Contender contender = Contender.start(db)) {
      c.setAutoCommit(false);
      s.executeUpdate("UPDATE person SET updated_count = updated_count + 1");
      s.execute("SELECT pg_sleep(2.5)"); // a bigger table keeps its row locks this long, or longer
      c.commit();
      contender.stop();

      assertThat(contender.failureStates()).contains("55P03");
    }
  }

  /** The table {@code person} with {@link #ROWS} rows, {@code email} set. */
  private static void createPeople(IsolatedDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE person (id bigint PRIMARY KEY, email text NOT NULL, email_lower text,"
              + " other int NOT NULL DEFAULT 0, updated_count int NOT NULL DEFAULT 0)");
      s.execute(
          "INSERT INTO person (id, email) SELECT g, 'User' || g || '@Example.com'"
              + " FROM generate_series(1, "
              + ROWS
              + ") g");
      s.execute("ANALYZE person");
    }
  }

  /** Polls the progress row until {@code rows} are done; returns the rows done then. */
  private static long waitForRowsDone(IsolatedDatabase db, Process child, long rows, Path out)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError(
            "the child process ended ("
                + child.exitValue()
                + ") before it was killed:\n"
                + Files.readString(out, StandardCharsets.UTF_8));
      }
      try {
        long done = count(db, "SELECT rows_done FROM strata_backfill");
        if (done >= rows) {
          return done;
        }
      } catch (SQLException | IndexOutOfBoundsException notYet) {
        // the table or its row does not exist yet
      }
      Thread.sleep(10);
    }
    throw new AssertionError(
        "the child process made no progress:\n" + Files.readString(out, StandardCharsets.UTF_8));
  }

  /** Waits for the killed client's backend, which rolls back its open batch when it notices. */
  private static void waitForOtherSessionsToEnd(IsolatedDatabase db) throws Exception {
    String others =
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (count(db, others) > 0) {
      assertThat(System.nanoTime()).as("the killed process's session ends").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static void assertEveryRowUpdatedExactlyOnce(IsolatedDatabase db) throws SQLException {
    assertThat(count(db, "SELECT count(*) FROM person WHERE updated_count <> 1")).isZero();
    assertThat(
            count(
                db, "SELECT count(*) FROM person WHERE email_lower IS DISTINCT FROM lower(email)"))
        .isZero();
    assertThat(progress(db)).isEqualTo(ROWS + " true");
  }

  /** "rows_done finished" of the only backfill. */
  private static String progress(IsolatedDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT rows_done, finished FROM strata_backfill")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1) + " " + rs.getBoolean(2);
    }
  }

  private static long count(IsolatedDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IndexOutOfBoundsException("no row");
      }
      return rs.getLong(1);
    }
  }

  private static void report(
      String what, BackfillResult result, List<Duration> batchTimes, Contender contender) {
    Duration slowest = batchTimes.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    System.out.printf(
        Locale.ROOT,
        "[backfill IT] %s: %d rows in %d batches in %d ms (%.0f rows/s); slowest batch %d ms;"
            + " other writer: %d updates, slowest %d ms, 0 lock timeouts%n",
        what,
        result.rowsUpdated(),
        result.batches(),
        result.elapsed().toMillis(),
        result.rowsUpdated() / Math.max(0.001, result.elapsed().toMillis() / 1000.0),
        slowest.toMillis(),
        contender.updates.get(),
        TimeUnit.NANOSECONDS.toMillis(contender.slowestNanos.get()));
  }

  /**
   * Another writer: updates random rows of the table with {@code lock_timeout = 2s}, as an
   * application would while the backfill runs. A statement that held a lock on the table for more
   * than a batch would make it time out.
   */
  static final class Contender implements AutoCloseable {
    private final Connection connection;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicLong updates = new AtomicLong();
    final AtomicLong slowestNanos = new AtomicLong();
    private final List<SQLException> failures = new ArrayList<>();

    private Contender(Connection connection) {
      this.connection = connection;
      this.thread = new Thread(this::loop, "backfill-contender");
    }

    static Contender start(IsolatedDatabase db) throws SQLException {
      Connection c = db.connect();
      try (Statement s = c.createStatement()) {
        s.execute("SET lock_timeout = '2s'");
      }
      Contender contender = new Contender(c);
      contender.thread.start();
      return contender;
    }

    private void loop() {
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE person SET other = other WHERE id = ?")) {
        while (running.get()) {
          update.setLong(1, ThreadLocalRandom.current().nextLong(1, ROWS + 1));
          long start = System.nanoTime();
          try {
            update.executeUpdate();
          } catch (SQLException e) {
            synchronized (failures) {
              failures.add(e);
            }
          }
          long took = System.nanoTime() - start;
          slowestNanos.accumulateAndGet(took, Math::max);
          updates.incrementAndGet();
        }
      } catch (SQLException e) {
        synchronized (failures) {
          failures.add(e);
        }
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }

    /** The SQLSTATEs of the updates that failed. */
    List<String> failureStates() {
      synchronized (failures) {
        return failures.stream().map(e -> String.valueOf(e.getSQLState())).toList();
      }
    }

    void stopAndAssertNeverTimedOut() throws InterruptedException {
      stop();
      synchronized (failures) {
        assertThat(failures).as("the other writer's failures (55P03 is a lock timeout)").isEmpty();
      }
      assertThat(updates.get()).isPositive();
      assertThat(slowestNanos.get()).isLessThan(TimeUnit.SECONDS.toNanos(2));
    }

    @Override
    public void close() throws SQLException {
      running.set(false);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      connection.close();
    }
  }
}
