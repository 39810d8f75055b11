package dev.strata.backfill;

import dev.strata.backfill.internal.KeyType;
import dev.strata.backfill.internal.ProgressTable;
import dev.strata.backfill.internal.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of a {@link Backfill} on one connection: the batch loop. */
final class BackfillRun {
  private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

  private final Backfill spec;
  private final Connection c;
  private final String schema;
  private final SqlNames names;
  private final String name;
  private String table = "";
  private String key = "";
  private KeyType keyType = KeyType.INTEGER;

  BackfillRun(Backfill spec, Connection connection, String schema, SqlNames names) {
    this.spec = spec;
    this.c = connection;
    this.schema = schema;
    this.names = names;
    this.name = spec.resolvedName();
  }

  BackfillResult run() throws SQLException {
    if (!c.getAutoCommit()) {
      throw new BackfillException(
          name,
          "Backfill "
              + name
              + " commits each batch itself, so it cannot run inside a"
              + " transaction: return false from transactional() in the Java migration that runs"
              + " it (or put the connection in autocommit mode). Nothing was changed.",
          null);
    }
    table = names.table(spec.table());
    key = names.column(spec.key());
    keyType = keyTypeOf(); // before anything is written, so that a wrong key changes nothing
    ProgressTable progress = new ProgressTable(names, schema);
    progress.createIfAbsent(c);
    ProgressTable.Row row = progress.start(c, name, spec.table(), spec.key());
    if (!row.table().equals(spec.table()) || !row.key().equals(spec.key())) {
      throw new BackfillException(
          name,
          "Backfill "
              + name
              + " was started on table "
              + row.table()
              + " with key "
              + row.key()
              + " (see "
              + progress
              + "), not on table "
              + spec.table()
              + " with key "
              + spec.key()
              + ": give this backfill a name of its own with name(\"…\"). Nothing"
              + " was changed.",
          null);
    }
    Instant start = spec.clock().instant();
    if (row.finished()) {
      return new BackfillResult(
          name, 0, 0, row.rowsDone(), row.lastKey(), elapsed(start), false, true);
    }
    boolean resumed = row.lastKey() != null;
    long remaining = countRemaining(parse(row.lastKey()));
    Loop loop = new Loop(progress, start, remaining, row);
    c.setAutoCommit(false);
    try {
      loop.run();
    } catch (SQLException | RuntimeException e) {
      try {
        c.setAutoCommit(true); // nothing is pending: the failed batch was rolled back
      } catch (SQLException restore) {
        e.addSuppressed(restore);
      }
      throw e;
    }
    c.setAutoCommit(true);
    return new BackfillResult(
        name, loop.batches, loop.rows, loop.rowsDone, loop.lastKey, elapsed(start), resumed, false);
  }

  /** The batches of this run, and what they did. */
  private final class Loop {
    private final ProgressTable progress;
    private final Instant start;
    private final long remainingAtStart;
    long batches;
    long rows;
    long rowsDone;
    @Nullable String lastKey;

    Loop(ProgressTable progress, Instant start, long remainingAtStart, ProgressTable.Row row) {
      this.progress = progress;
      this.start = start;
      this.remainingAtStart = remainingAtStart;
      this.rowsDone = row.rowsDone();
      this.lastKey = row.lastKey();
    }

    void run() throws SQLException {
      while (true) {
        if (Thread.currentThread().isInterrupted()) {
          throw stopped(null);
        }
        Batch batch = batch();
        if (batch == Batch.NONE) {
          return;
        }
        BackfillProgress p =
            BackfillProgress.of(
                name,
                batches,
                rows,
                rowsDone,
                String.valueOf(lastKey),
                elapsed(start),
                remainingAtStart);
        LOG.debug("{}", p);
        spec.listener().accept(p);
        if (batch == Batch.LAST) {
          return;
        }
        if (!spec.pauseBetweenBatches().isZero()) {
          try {
            spec.sleeper().sleep(spec.pauseBetweenBatches());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped(e);
          }
        }
      }
    }

    /** Runs and commits the next batch, if any is left. */
    private Batch batch() throws SQLException {
      try {
        ProgressTable.Row row = progress.lock(c, name); // taking turns with any other runner
        if (row.finished()) { // by another runner
          c.commit();
          return Batch.NONE;
        }
        Object from = parse(row.lastKey());
        Bound bound = upperBound(from);
        if (bound == null) {
          progress.finish(c, name);
          c.commit();
          return Batch.NONE;
        }
        int updated = update(from, bound.key());
        String text = keyType.format(bound.key());
        if (text.length() > ProgressTable.MAX_KEY_LENGTH) {
          throw new BackfillException(
              name,
              "Backfill "
                  + name
                  + " cannot record key "
                  + text.substring(0, 40)
                  + "…: keys longer"
                  + " than "
                  + ProgressTable.MAX_KEY_LENGTH
                  + " characters are not supported",
              null);
        }
        // Fewer keys than a batch holds: nothing is left after this one, so it finishes too.
        boolean last = bound.keys() < spec.size();
        progress.advance(c, name, text, updated, last);
        c.commit();
        batches++;
        rows += updated;
        rowsDone = row.rowsDone() + updated;
        lastKey = text;
        return last ? Batch.LAST : Batch.MORE;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        if (e instanceof SQLException sql) {
          throw failed(sql);
        }
        throw e;
      }
    }

    private SQLException failed(SQLException e) {
      String state =
          lastKey == null
              ? "No batch of it is committed."
              : "The batches through key "
                  + lastKey
                  + " are committed ("
                  + batches
                  + " in this run): run it again once the cause is fixed, and it resumes after"
                  + " that key.";
      return new SQLException(
          "Backfill "
              + name
              + " failed in "
              + (lastKey == null ? "its first batch" : "the batch after key " + lastKey)
              + ": "
              + e.getMessage()
              + ". That batch was rolled back. "
              + state,
          e.getSQLState(),
          e.getErrorCode(),
          e);
    }

    private BackfillException stopped(@Nullable Throwable cause) {
      return new BackfillException(
          name,
          "Backfill "
              + name
              + " stopped: its thread was interrupted. "
              + batches
              + " batches of"
              + " this run are committed"
              + (lastKey == null ? "" : "; it resumes after key " + lastKey + " when run again")
              + ".",
          cause);
    }
  }

  /**
   * What a call of {@code batch()} did: no batch was left, one ran and more follow, the last ran.
   */
  private enum Batch {
    NONE,
    MORE,
    LAST
  }

  /** The largest key of the next batch, and how many keys the batch holds. */
  private record Bound(Object key, long keys) {}

  private @Nullable Bound upperBound(@Nullable Object from) throws SQLException {
    // The largest of the next n keys, without an aggregate, so that any orderable type works
    // (PostgreSQL has no max(uuid)); the window count tells a last, partial batch.
    String sql =
        "SELECT "
            + key
            + ", COUNT(*) OVER () FROM (SELECT "
            + key
            + " FROM "
            + table
            + " WHERE "
            + (from == null ? key + " IS NOT NULL" : key + " > ?")
            + " ORDER BY "
            + key
            + " LIMIT "
            + spec.size()
            + ") strata_batch ORDER BY "
            + key
            + " DESC LIMIT 1";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (from != null) {
        keyType.bind(s, 1, from);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Object upper = keyType.read(rs, 1);
        return upper == null ? null : new Bound(upper, rs.getLong(2));
      }
    }
  }

  private int update(@Nullable Object from, Object upper) throws SQLException {
    String sql =
        "UPDATE "
            + table
            + " SET "
            + spec.assignments()
            + " WHERE "
            + (from == null ? "" : key + " > ? AND ")
            + key
            + " <= ?"
            + condition(" AND ");
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      if (from != null) {
        keyType.bind(s, i++, from);
      }
      keyType.bind(s, i, upper);
      return s.executeUpdate();
    }
  }

  private long countRemaining(@Nullable Object from) throws SQLException {
    String sql =
        "SELECT COUNT(*) FROM "
            + table
            + (from == null ? condition(" WHERE ") : " WHERE " + key + " > ?" + condition(" AND "));
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (from != null) {
        keyType.bind(s, 1, from);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private KeyType keyTypeOf() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = query(s, "SELECT " + key + " FROM " + table + " WHERE 1 = 0")) {
      KeyType type = KeyType.of(rs.getMetaData());
      if (type == null) {
        throw new BackfillException(
            name,
            "Backfill "
                + name
                + " cannot page over key "
                + spec.key()
                + " of table "
                + spec.table()
                + ": its type "
                + rs.getMetaData().getColumnTypeName(1)
                + " is not an integer, decimal, text or UUID type. Use the primary key, or"
                + " another unique indexed column of those types, as key(). Nothing was changed.",
            null);
      }
      return type;
    }
  }

  private ResultSet query(Statement s, String sql) throws SQLException {
    try {
      return s.executeQuery(sql);
    } catch (SQLException e) {
      throw new SQLException(
          "Backfill "
              + name
              + " cannot read key "
              + spec.key()
              + " of table "
              + spec.table()
              + ": "
              + e.getMessage()
              + ". Nothing was changed.",
          e.getSQLState(),
          e.getErrorCode(),
          e);
    }
  }

  private String condition(String prefix) {
    String where = spec.condition();
    return where == null ? "" : prefix + "(" + where + ")";
  }

  private @Nullable Object parse(@Nullable String text) {
    return text == null ? null : keyType.parse(text);
  }

  private Duration elapsed(Instant start) {
    return Duration.between(start, spec.clock().instant());
  }
}
