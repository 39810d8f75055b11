package dev.strata.backfill;

import dev.strata.api.JavaMigrationContext;
import dev.strata.backfill.internal.Sleeper;
import dev.strata.backfill.internal.SqlNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Updates a table in key-range batches, each batch its own short transaction, pausing between
 * batches, with its progress recorded so that a stopped or killed run resumes after the last
 * committed batch. For the backfill step of an expand/contract change, where one {@code UPDATE} of
 * the whole table would lock every row it touches until it commits.
 *
 * <pre>{@code
 * public final class V7__Backfill_emails implements JavaMigration {
 *   public boolean transactional() { return false; } // batches commit themselves
 *   public void up(JavaMigrationContext context) throws SQLException {
 *     Backfill.table("person").key("id").batchSize(1_000).pause(Duration.ofMillis(50))
 *         .set("email_lower = lower(email)").where("email_lower IS NULL")
 *         .onProgress(p -> log.info("{}", p))
 *         .run(context);
 *   }
 * }
 * }</pre>
 *
 * <h2>How it runs</h2>
 *
 * A batch covers the next {@link #batchSize} keys after the last batch's: it finds its upper key
 * with {@code SELECT key FROM t WHERE key > :last ORDER BY key LIMIT :size} (the largest of those),
 * then runs {@code UPDATE t SET <set> WHERE key > :last AND key <= :upper AND (<where>)} and
 * records {@code :upper} in the progress table, and commits the three together. So each batch is
 * applied exactly once however the run ends, and no row lock is held longer than one batch. Rows
 * among a batch's keys that do not match {@link #where} are left alone (a batch may update fewer
 * rows than its size). The run ends when no key is left after the last batch.
 *
 * <p>Before the first batch a run counts the matching rows after its starting key, once, for the
 * estimate of the time left in {@link BackfillProgress}.
 *
 * <h2>Progress and resuming</h2>
 *
 * Progress lives in the table {@code strata_backfill} in the migration schema, created on first
 * use, one row per backfill: {@code name}, {@code table_name}, {@code key_column}, {@code last_key}
 * (as text), {@code rows_done}, {@code batches}, {@code started_at}, {@code updated_at}, {@code
 * finished}. A run resumes after the recorded {@code last_key}; a finished backfill is a no-op. The
 * name is {@code <table>:<hash of key and set>} unless {@link #name} gives one: give one when the
 * same update must run again later in the life of the database.
 *
 * <h2>What the author must know</h2>
 *
 * <ul>
 *   <li>{@link #set} and {@link #where} are the author's SQL, inserted into the statement as
 *       written, never parameters: never build them from untrusted input.
 *   <li>The table and key names are identifiers: a plain name ({@code person}, {@code app.person})
 *       is used unquoted, so it resolves as it does in your SQL; a name already in the database's
 *       identifier quotes is used as written; any other name is quoted for you.
 *   <li>The key should be the primary key, or unique and indexed: an integer, decimal, text or UUID
 *       column. Rows whose key is {@code NULL} are not visited; duplicate keys only make a batch
 *       larger.
 *   <li>Rows inserted behind the backfill (with a key it has passed) are not visited: deploy the
 *       code that writes the new column before the backfill runs (step 2 of expand and contract).
 *   <li>It commits, so it cannot run inside a transaction: a Java migration that runs it returns
 *       {@code false} from {@code transactional()}, or {@link #run} refuses. A migration that fails
 *       part-way remains failed until {@code repair}; run it again then, and the backfill resumes.
 *       A migration whose process was killed is simply run again.
 *   <li>An interrupt of the running thread stops it before the next batch, with {@link
 *       BackfillException}; a listener that throws stops it after the batch it was told about.
 *       Either way what was committed stays, and the next run resumes after it.
 * </ul>
 *
 * <p>Immutable and thread-safe: every method returns a new {@code Backfill}, so a configured one
 * may be shared and run any number of times. One run uses one connection, from one thread.
 */
public final class Backfill {
  /** The default {@link #batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 1_000;

  private final String table;
  private final @Nullable String key;
  private final @Nullable String set;
  private final @Nullable String where;
  private final int batchSize;
  private final Duration pause;
  private final @Nullable String name;
  private final Consumer<? super BackfillProgress> listener;
  private final Clock clock;
  private final Sleeper sleeper;

  private Backfill(
      String table,
      @Nullable String key,
      @Nullable String set,
      @Nullable String where,
      int batchSize,
      Duration pause,
      @Nullable String name,
      Consumer<? super BackfillProgress> listener,
      Clock clock,
      Sleeper sleeper) {
    this.table = table;
    this.key = key;
    this.set = set;
    this.where = where;
    this.batchSize = batchSize;
    this.pause = pause;
    this.name = name;
    this.listener = listener;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * A backfill of {@code table}, resolved in the migration schema unless qualified ({@code
   * app.person}); name its {@link #key} and what to {@link #set} before {@link #run}.
   *
   * @throws IllegalArgumentException when the name is empty or holds control characters
   */
  public static Backfill table(String table) {
    return new Backfill(
        SqlNames.check(table, "table"),
        null,
        null,
        null,
        DEFAULT_BATCH_SIZE,
        Duration.ZERO,
        null,
        progress -> {},
        Clock.systemUTC(),
        Sleeper.THREAD);
  }

  /** The column whose ranges make the batches: the primary key, or a unique indexed column. */
  public Backfill key(String column) {
    return new Backfill(
        table,
        SqlNames.check(column, "key column"),
        set,
        where,
        batchSize,
        pause,
        name,
        listener,
        clock,
        sleeper);
  }

  /**
   * What the {@code UPDATE} sets, as SQL: {@code "email_lower = lower(email)"}, or several
   * assignments separated by commas. Inserted as written: never build it from untrusted input.
   */
  public Backfill set(String assignments) {
    return new Backfill(
        table,
        key,
        text(assignments, "set"),
        where,
        batchSize,
        pause,
        name,
        listener,
        clock,
        sleeper);
  }

  /**
   * Which rows to update, as an SQL condition ({@code "email_lower IS NULL"}); every row when not
   * given. Inserted as written, in parentheses: never build it from untrusted input.
   */
  public Backfill where(String condition) {
    return new Backfill(
        table,
        key,
        set,
        text(condition, "where"),
        batchSize,
        pause,
        name,
        listener,
        clock,
        sleeper);
  }

  /**
   * How many consecutive keys one batch covers, and so at most how many rows one transaction locks;
   * {@value #DEFAULT_BATCH_SIZE} unless set.
   *
   * @throws IllegalArgumentException unless {@code keys} is positive
   */
  public Backfill batchSize(int keys) {
    if (keys < 1) {
      throw new IllegalArgumentException("the batch size must be positive, not " + keys);
    }
    return new Backfill(table, key, set, where, keys, pause, name, listener, clock, sleeper);
  }

  /**
   * How long to wait after each committed batch before the next, to leave the database (and its
   * replicas) room for other work; none unless set.
   *
   * @throws IllegalArgumentException when negative
   */
  public Backfill pause(Duration pause) {
    if (pause.isNegative()) {
      throw new IllegalArgumentException("the pause cannot be negative: " + pause);
    }
    return new Backfill(table, key, set, where, batchSize, pause, name, listener, clock, sleeper);
  }

  /**
   * The name its progress is recorded under in {@code strata_backfill}, at most 200 characters;
   * {@code <table>:<hash of key and set>} unless given. A finished backfill's name is spent: a
   * later backfill with the same name does nothing.
   */
  public Backfill name(String name) {
    text(name, "name");
    if (name.length() > 200) {
      throw new IllegalArgumentException("a backfill name has at most 200 characters: " + name);
    }
    return new Backfill(table, key, set, where, batchSize, pause, name, listener, clock, sleeper);
  }

  /**
   * Tells {@code listener} of every committed batch, on the running thread, before the pause.
   * Replaces any listener given before. A listener that throws stops the run after that batch.
   */
  public Backfill onProgress(Consumer<? super BackfillProgress> listener) {
    Objects.requireNonNull(listener, "listener");
    return new Backfill(table, key, set, where, batchSize, pause, name, listener, clock, sleeper);
  }

  /** For tests: time read from {@code clock}, pauses taken by {@code sleeper}. */
  Backfill withTime(Clock clock, Sleeper sleeper) {
    return new Backfill(table, key, set, where, batchSize, pause, name, listener, clock, sleeper);
  }

  /**
   * Runs the backfill to its end on the context's connection, resuming after the last batch of an
   * earlier run, and creating {@code strata_backfill} in the context's schema if needed. The
   * connection must be in autocommit mode (as a Java migration's is when its {@code
   * transactional()} is {@code false}); it is again when this returns or throws.
   *
   * <p>Names that need quoting are quoted with {@link JavaMigrationContext#quote}: in a migration,
   * the connected dialect's quoting. Outside a migration, pass any connection: {@code new
   * JavaMigrationContext(connection, connection.getSchema())}, which quotes as the connection's
   * metadata says.
   *
   * @return what this run did; the backfill is finished
   * @throws SQLException when a batch fails: that batch is rolled back, earlier ones stay
   *     committed, and the message says where to resume; the SQLSTATE is the database's
   * @throws BackfillException when it cannot run as configured, or was interrupted
   * @throws IllegalStateException when {@link #key} or {@link #set} was not given
   */
  public BackfillResult run(JavaMigrationContext context) throws SQLException {
    if (key == null || set == null) {
      throw new IllegalStateException(
          "The backfill of table "
              + table
              + " needs "
              + (key == null
                  ? "its key column: call key(\"id\")"
                  : "an assignment: call set(\"…\")")
              + " before run()");
    }
    return new BackfillRun(
            this, context.connection(), context.schema(), new SqlNames(context::quote))
        .run();
  }

  /** The name progress is recorded under. */
  String resolvedName() {
    if (name != null) {
      return name;
    }
    byte[] hash;
    try {
      hash =
          MessageDigest.getInstance("SHA-256")
              .digest((key + "\n" + set).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
    return table + ":" + HexFormat.of().formatHex(hash, 0, 4);
  }

  String table() {
    return table;
  }

  String key() {
    return Objects.requireNonNull(key);
  }

  String assignments() {
    return Objects.requireNonNull(set);
  }

  @Nullable String condition() {
    return where;
  }

  int size() {
    return batchSize;
  }

  Duration pauseBetweenBatches() {
    return pause;
  }

  Consumer<? super BackfillProgress> listener() {
    return listener;
  }

  Clock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /** For logs: {@code Backfill[table=person, key=id, set=…, where=…, batchSize=1000, …]}. */
  @Override
  public String toString() {
    return "Backfill[table="
        + table
        + ", key="
        + key
        + ", set="
        + set
        + ", where="
        + where
        + ", batchSize="
        + batchSize
        + ", pause="
        + pause
        + ", name="
        + name
        + "]";
  }

  private static String text(String sql, String what) {
    if (sql.isBlank()) {
      throw new IllegalArgumentException("the backfill's " + what + " is empty");
    }
    return sql;
  }
}
