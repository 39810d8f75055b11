package dev.strata.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.backfill.internal.Sleeper;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Backfills on H2, without the engine around them. */
class BackfillTest {
  /** No where clause: a batch applied twice would show as updated_count 2. */
  static final String COUNT_ONCE = "email_lower = LOWER(email), updated_count = updated_count + 1";

  final FakeTime time = new FakeTime();
  final List<BackfillProgress> events = new ArrayList<>();
  H2People db;

  @BeforeEach
  void open() throws SQLException {
    db = new H2People();
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  Backfill people() {
    return Backfill.table("person")
        .key("id")
        .set(COUNT_ONCE)
        .onProgress(events::add)
        .withTime(time, time);
  }

  @Test
  void updatesTheMatchingRowsInBatchesOfConsecutiveKeys() throws Exception {
    db.people(2500).execute("UPDATE person SET email_lower = 'kept' WHERE id <= 100");

    BackfillResult result = people().where("email_lower IS NULL").batchSize(1000).run(db.context());

    assertThat(events)
        .extracting(BackfillProgress::lastKey)
        .containsExactly("1000", "2000", "2500");
    assertThat(events)
        .extracting(BackfillProgress::rowsUpdated)
        .containsExactly(900L, 1900L, 2400L);
    assertThat(result.batches()).isEqualTo(3);
    assertThat(result.rowsUpdated()).isEqualTo(2400);
    assertThat(result.lastKey()).hasValue("2500");
    assertThat(result.resumed()).isFalse();
    assertThat(db.column("SELECT email_lower FROM person WHERE id IN (100, 101) ORDER BY id"))
        .containsExactly("kept", "user101@example.com");
    assertThat(
            db.count(
                "SELECT COUNT(*) FROM person WHERE updated_count <> CASE WHEN id <= 100 THEN 0 ELSE 1 END"))
        .isZero();
    assertThat(db.progress(result.name())).isEqualTo("2500 2400 3 TRUE");
  }

  @Test
  void finishesWithAnEmptyBatchWhenTheKeysFillTheLastBatchExactly() throws Exception {
    db.people(2000);

    BackfillResult result = people().batchSize(1000).run(db.context());

    assertThat(result.batches()).isEqualTo(2);
    assertThat(db.progress(result.name())).isEqualTo("2000 2000 2 TRUE");
  }

  @Test
  void pausesBetweenBatchesButNotAfterTheLast() throws Exception {
    db.people(2500);

    people().batchSize(1000).pause(Duration.ofMillis(50)).run(db.context());

    assertThat(time.pauses).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));
  }

  @Test
  void resumesAfterTheLastCommittedBatchWhenARunIsStopped() throws Exception {
    db.people(10_000);
    Backfill stopsAfterSeven =
        people()
            .batchSize(500)
            .onProgress(
                p -> {
                  if (p.batches() == 7) {
                    throw new IllegalStateException("simulated crash");
                  }
                });

    assertThatThrownBy(() -> stopsAfterSeven.run(db.context())).hasMessage("simulated crash");
    assertThat(db.progress(people().resolvedName())).isEqualTo("3500 3500 7 FALSE");
    assertThat(db.count("SELECT COUNT(*) FROM person WHERE updated_count = 1")).isEqualTo(3500);
    assertThat(db.connection.getAutoCommit()).isTrue();

    BackfillResult result = people().batchSize(500).run(db.context());

    assertThat(result.resumed()).isTrue();
    assertThat(result.batches()).isEqualTo(13);
    assertThat(result.rowsUpdated()).isEqualTo(6500);
    assertThat(result.rowsDone()).isEqualTo(10_000);
    assertThat(events.get(0).lastKey()).isEqualTo("4000");
    assertThat(events.get(0).rowsDone()).isEqualTo(4000);
    assertThat(db.count("SELECT COUNT(*) FROM person WHERE updated_count <> 1")).isZero();
    assertThat(db.progress(result.name())).isEqualTo("10000 10000 20 TRUE");
  }

  @Test
  void doesNothingWhenTheBackfillAlreadyFinished() throws Exception {
    db.people(1500);
    people().batchSize(1000).run(db.context());
    events.clear();

    BackfillResult again = people().batchSize(1000).run(db.context());

    assertThat(again.alreadyFinished()).isTrue();
    assertThat(again.batches()).isZero();
    assertThat(again.rowsDone()).isEqualTo(1500);
    assertThat(again)
        .hasToString(
            "backfill " + again.name() + " was already finished (1500 rows): nothing to do");
    assertThat(events).isEmpty();
    assertThat(db.count("SELECT COUNT(*) FROM person WHERE updated_count <> 1")).isZero();
  }

  @Test
  void finishesAnEmptyTableWithoutABatch() throws Exception {
    BackfillResult result = people().run(db.context());

    assertThat(result.batches()).isZero();
    assertThat(result.lastKey()).isEmpty();
    assertThat(events).isEmpty();
    assertThat(db.progress(result.name())).isEqualTo("- 0 0 TRUE");
  }

  @Test
  void estimatesTheTimeLeftFromTheRateSoFar() throws Exception {
    db.people(100);

    people().batchSize(10).pause(Duration.ofSeconds(1)).run(db.context());

    BackfillProgress first = events.get(0);
    assertThat(first.elapsed()).isZero();
    assertThat(first.rowsPerSecond()).isZero();
    assertThat(first.eta()).isEmpty();
    BackfillProgress second = events.get(1);
    assertThat(second.elapsed()).isEqualTo(Duration.ofSeconds(1));
    assertThat(second.rowsPerSecond()).isEqualTo(20.0);
    assertThat(second.rowsRemaining()).isEqualTo(80);
    assertThat(second.eta()).hasValue(Duration.ofSeconds(4));
    BackfillProgress last = events.get(events.size() - 1);
    assertThat(last.rowsRemaining()).isZero();
    assertThat(last.eta()).hasValue(Duration.ZERO);
  }

  @Test
  void countsTheRemainingRowsAfterTheResumePointWithTheWhereClause() throws Exception {
    db.people(1000).execute("UPDATE person SET email_lower = 'kept' WHERE MOD(id, 2) = 0");
    Backfill odd = people().where("email_lower IS NULL").batchSize(100);
    assertThatThrownBy(
            () ->
                odd.onProgress(
                        p -> {
                          throw new IllegalStateException("stop");
                        })
                    .run(db.context()))
        .hasMessage("stop");

    odd.run(db.context());

    // 450 odd rows after key 100; the first batch of this run updated 50 of them.
    assertThat(events.get(0).rowsRemaining()).isEqualTo(400);
  }

  @Test
  void rollsBackTheFailingBatchAndResumesAfterTheCommittedOnes() throws Exception {
    db.people(3000);
    Backfill failing =
        people().name("emails").set(COUNT_ONCE + ", email = CAST(10 / (id - 1500) AS VARCHAR)");

    assertThatThrownBy(() -> failing.run(db.context()))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"))
        .hasMessageStartingWith(
            "Backfill emails failed in the batch after key 1000: Division by zero")
        .hasMessageEndingWith(
            "That batch was rolled back. The batches through key 1000 are committed (1 in this run):"
                + " run it again once the cause is fixed, and it resumes after that key.");
    assertThat(db.count("SELECT COUNT(*) FROM person WHERE updated_count = 1")).isEqualTo(1000);
    assertThat(db.connection.getAutoCommit()).isTrue();

    BackfillResult fixed = people().name("emails").run(db.context());

    assertThat(fixed.resumed()).isTrue();
    assertThat(db.count("SELECT COUNT(*) FROM person WHERE updated_count <> 1")).isZero();
  }

  @Test
  void namesAFailureInTheFirstBatch() throws Exception {
    db.people(10);

    assertThatThrownBy(() -> people().name("broken").set("no_such_column = 1").run(db.context()))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("Backfill broken failed in its first batch: ")
        .hasMessageContaining("NO_SUCH_COLUMN")
        .hasMessageEndingWith("That batch was rolled back. No batch of it is committed.");
  }

  @Test
  void refusesToRunInsideATransaction() throws Exception {
    db.people(10);
    db.connection.setAutoCommit(false);

    assertThatThrownBy(() -> people().run(db.context()))
        .isInstanceOf(BackfillException.class)
        .hasMessageStartingWith("Backfill person:")
        .hasMessageEndingWith(
            " commits each batch itself, so it cannot run inside a transaction: return false from"
                + " transactional() in the Java migration that runs it (or put the connection in"
                + " autocommit mode). Nothing was changed.");
    db.connection.rollback();
    db.connection.setAutoCommit(true);
    assertThat(progressTables()).isZero();
  }

  @Test
  void refusesANameAlreadyUsedForAnotherKey() throws Exception {
    db.people(10);
    people().name("emails").run(db.context());

    assertThatThrownBy(
            () ->
                Backfill.table("person")
                    .key("email")
                    .set(COUNT_ONCE)
                    .name("emails")
                    .run(db.context()))
        .isInstanceOfSatisfying(
            BackfillException.class,
            e -> {
              assertThat(e.backfill()).isEqualTo("emails");
              assertThat(e.code()).isEqualTo("BACKFILL");
            })
        .hasMessage(
            "Backfill emails was started on table person with key id (see \"PUBLIC\".\"strata_backfill\"),"
                + " not on table person with key email: give this backfill a name of its own with"
                + " name(\"…\"). Nothing was changed.");
  }

  @Test
  void refusesAKeyItCannotPageOver() throws Exception {
    db.execute("CREATE TABLE event (at TIMESTAMP PRIMARY KEY)");

    assertThatThrownBy(() -> Backfill.table("event").key("at").set("at = at").run(db.context()))
        .isInstanceOf(BackfillException.class)
        .hasMessageContaining("cannot page over key at of table event: its type TIMESTAMP is not");
    assertThat(progressTables()).isZero();
  }

  @Test
  void namesTheBackfillWhenItsTableIsMissingAndChangesNothing() throws Exception {
    assertThatThrownBy(
            () -> Backfill.table("nobody").key("id").set("x = 1").name("ghost").run(db.context()))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42S02"))
        .hasMessageStartingWith(
            "Backfill ghost cannot read key id of table nobody: Table \"NOBODY\" not found")
        .hasMessageEndingWith(". Nothing was changed.");
    assertThat(progressTables()).isZero();
  }

  private long progressTables() throws SQLException {
    return db.count(
        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'strata_backfill'");
  }

  @Test
  void namesItsProgressAfterTheTableAndAHashOfKeyAndSet() throws Exception {
    db.people(10);

    String first = people().run(db.context()).name();
    String other = people().set("email_lower = UPPER(email)").run(db.context()).name();

    assertThat(first).matches("person:[0-9a-f]{8}").isEqualTo(people().where("x").resolvedName());
    assertThat(other).matches("person:[0-9a-f]{8}").isNotEqualTo(first);
    assertThat(
            db.column(
                "SELECT \"name\" FROM \"PUBLIC\".\"strata_backfill\" ORDER BY \"started_at\", \"name\""))
        .containsExactlyInAnyOrder(first, other);
    assertThat(
            db.count(
                "SELECT COUNT(*) FROM \"PUBLIC\".\"strata_backfill\" WHERE \"started_at\" IS NULL"
                    + " OR \"updated_at\" < \"started_at\""))
        .isZero();
  }

  @Test
  void pagesOverTextKeysAndResumes() throws Exception {
    db.execute("CREATE TABLE tag (code VARCHAR(20) PRIMARY KEY, hits INT DEFAULT 0 NOT NULL)");
    db.execute("INSERT INTO tag (code) SELECT 'tag-' || LPAD(X, 4, '0') FROM SYSTEM_RANGE(1, 250)");
    Backfill tags =
        Backfill.table("tag")
            .key("code")
            .set("hits = hits + 1")
            .batchSize(100)
            .withTime(time, time);
    assertThatThrownBy(
            () ->
                tags.onProgress(
                        p -> {
                          throw new IllegalStateException("stop");
                        })
                    .run(db.context()))
        .hasMessage("stop");

    BackfillResult result = tags.run(db.context());

    assertThat(result.lastKey()).hasValue("tag-0250");
    assertThat(result.rowsDone()).isEqualTo(250);
    assertThat(db.count("SELECT COUNT(*) FROM tag WHERE hits <> 1")).isZero();
  }

  @Test
  void pagesOverUuidKeysAndResumes() throws Exception {
    db.execute("CREATE TABLE token (id UUID PRIMARY KEY, hits INT DEFAULT 0 NOT NULL)");
    db.execute("INSERT INTO token (id) SELECT RANDOM_UUID() FROM SYSTEM_RANGE(1, 250)");
    Backfill tokens =
        Backfill.table("token")
            .key("id")
            .set("hits = hits + 1")
            .batchSize(100)
            .withTime(time, time);
    assertThatThrownBy(
            () ->
                tokens
                    .onProgress(
                        p -> {
                          throw new IllegalStateException("stop");
                        })
                    .run(db.context()))
        .hasMessage("stop");

    BackfillResult result = tokens.run(db.context());

    assertThat(result.batches()).isEqualTo(2);
    assertThat(result.lastKey()).hasValue(db.column("SELECT MAX(id) FROM token").get(0));
    assertThat(db.count("SELECT COUNT(*) FROM token WHERE hits <> 1")).isZero();
  }

  @Test
  void pagesOverDecimalKeys() throws Exception {
    db.execute("CREATE TABLE price (id DECIMAL(10, 2) PRIMARY KEY, hits INT DEFAULT 0 NOT NULL)");
    db.execute("INSERT INTO price (id) SELECT X / 4.0 FROM SYSTEM_RANGE(1, 30)");

    BackfillResult result =
        Backfill.table("price")
            .key("id")
            .set("hits = hits + 1")
            .batchSize(7)
            .withTime(time, time)
            .run(db.context());

    assertThat(result.lastKey()).hasValue("7.50");
    assertThat(db.count("SELECT COUNT(*) FROM price WHERE hits <> 1")).isZero();
  }

  @Test
  void quotesATableAndKeyWhoseNamesAreNotPlain() throws Exception {
    db.execute(
        "CREATE TABLE \"Order Line\" (\"Line Id\" INT PRIMARY KEY, qty INT DEFAULT 0 NOT NULL)");
    db.execute("INSERT INTO \"Order Line\" (\"Line Id\") SELECT X FROM SYSTEM_RANGE(1, 25)");

    Backfill.table("Order Line")
        .key("Line Id")
        .set("qty = qty + 1")
        .batchSize(10)
        .run(db.context());
    Backfill.table("\"Order Line\"")
        .key("\"Line Id\"")
        .set("qty = qty + 1")
        .name("quoted")
        .run(db.context());

    assertThat(db.count("SELECT COUNT(*) FROM \"Order Line\" WHERE qty <> 2")).isZero();
  }

  @Test
  void takesASchemaQualifiedTable() throws Exception {
    db.execute("CREATE SCHEMA app");
    db.execute("CREATE TABLE app.item (id INT PRIMARY KEY, hits INT DEFAULT 0 NOT NULL)");
    db.execute("INSERT INTO app.item (id) SELECT X FROM SYSTEM_RANGE(1, 5)");

    Backfill.table("app.item").key("id").set("hits = hits + 1").run(db.context());

    assertThat(db.count("SELECT COUNT(*) FROM app.item WHERE hits = 1")).isEqualTo(5);
  }

  @Test
  void stopsBeforeTheNextBatchWhenInterrupted() throws Exception {
    db.people(300);
    Sleeper interrupted =
        pause -> {
          throw new InterruptedException();
        };

    try {
      assertThatThrownBy(
              () ->
                  people()
                      .batchSize(100)
                      .pause(Duration.ofSeconds(1))
                      .withTime(time, interrupted)
                      .run(db.context()))
          .isInstanceOf(BackfillException.class)
          .hasMessage(
              "Backfill "
                  + people().resolvedName()
                  + " stopped: its thread was interrupted. 1 batches"
                  + " of this run are committed; it resumes after key 100 when run again.");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(db.count("SELECT COUNT(*) FROM person WHERE updated_count = 1")).isEqualTo(100);
  }

  @Test
  void refusesIncompleteOrInvalidSettings() {
    assertThatThrownBy(() -> Backfill.table(" ")).hasMessage("the table name is empty");
    assertThatThrownBy(() -> Backfill.table("person").key("id\u0000"))
        .hasMessage("the key column name id? holds a control character");
    assertThatThrownBy(() -> Backfill.table("person").batchSize(0))
        .hasMessage("the batch size must be positive, not 0");
    assertThatThrownBy(() -> Backfill.table("person").pause(Duration.ofMillis(-1)))
        .hasMessage("the pause cannot be negative: PT-0.001S");
    assertThatThrownBy(() -> Backfill.table("person").set(""))
        .hasMessage("the backfill's set is empty");
    assertThatThrownBy(() -> Backfill.table("person").name("x".repeat(201)))
        .hasMessageStartingWith("a backfill name has at most 200 characters");
    assertThatThrownBy(() -> Backfill.table("person").set("a = 1").run(db.context()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The backfill of table person needs its key column: call key(\"id\") before run()");
    assertThatThrownBy(() -> Backfill.table("person").key("id").run(db.context()))
        .hasMessage(
            "The backfill of table person needs an assignment: call set(\"…\") before run()");
  }

  @Test
  void isImmutableSoAConfiguredBackfillCanBeShared() {
    Backfill base = Backfill.table("person").key("id").set("a = 1");
    Backfill bigger = base.batchSize(5000);

    assertThat(base)
        .hasToString(
            "Backfill[table=person, key=id, set=a = 1, where=null, batchSize=1000, pause=PT0S, name=null]");
    assertThat(bigger.toString()).contains("batchSize=5000");
  }
}
