package dev.strata.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The least a correct migration engine must do, in plain JDBC: read every file and checksum it;
 * read the history in one query; refuse an edited file; when something is pending, take the lock,
 * re-read the history (another migrator may have done the work) and run each pending migration in a
 * transaction of its own together with its history row. The lock is PostgreSQL's session advisory
 * lock or MariaDB's {@code GET_LOCK} on the migration connection; H2 has no advisory lock, so there
 * it is row 0 of the history table locked in an open transaction on a second connection, the same
 * as Strata takes (without any lock the concurrent benchmark's exactly-once check fails).
 *
 * <p>What it leaves out compared with Strata: events, a lint or dialect-aware parser, directive
 * headers, FAILED-first rows where DDL is not transactional, and an audit trail beyond one row per
 * migration.
 */
final class HistoryFloor implements MigrationEngine {
  static final String TABLE = "floor_history";
  private static final long LOCK_KEY = 0x5354524154414cL; // "STRATAL"
  private static final String LOCK_NAME = "strata_bench_floor";

  @Override
  public String name() {
    return "historyFloor";
  }

  @Override
  @SuppressWarnings("try") // the lock is held for the block, never referenced in it
  public int migrate(BenchDatabase db, MigrationSet set) throws Exception {
    List<ScriptFile> files = ScriptFile.readAll(set);
    try (Connection c = db.connect()) {
      Map<Integer, Long> applied = readHistory(c);
      if (pendingCount(files, applied) == 0) {
        return 0; // the fast path: no lock, no write
      }
      createIfAbsent(db, c);
      try (AutoCloseable lock = lock(db, c)) {
        applied = readHistory(c);
        int done = 0;
        for (ScriptFile file : files) {
          if (!applied.containsKey(file.version())) {
            apply(c, file);
            done++;
          }
        }
        return done;
      }
    }
  }

  /** Version to checksum; empty when the table does not exist yet. */
  private static Map<Integer, Long> readHistory(Connection c) throws SQLException {
    Map<Integer, Long> applied = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT version, checksum FROM " + TABLE + " WHERE version > 0")) {
      while (rs.next()) {
        applied.put(rs.getInt(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      return Map.of(); // no table yet: a first run
    }
    return applied;
  }

  private static int pendingCount(List<ScriptFile> files, Map<Integer, Long> applied) {
    int pending = 0;
    for (ScriptFile file : files) {
      Long recorded = applied.get(file.version());
      if (recorded == null) {
        pending++;
      } else if (recorded != file.checksum()) {
        throw new IllegalStateException("V" + file.version() + " was edited after it was applied");
      }
    }
    if (applied.size() > files.size() - pending) {
      throw new IllegalStateException("The history records migrations that have no file");
    }
    return pending;
  }

  private static void createIfAbsent(BenchDatabase db, Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try {
        s.execute(
            "CREATE TABLE IF NOT EXISTS "
                + TABLE
                + " (version INT NOT NULL PRIMARY KEY,"
                + " description VARCHAR(200) NOT NULL, checksum BIGINT NOT NULL,"
                + " installed_at TIMESTAMP NOT NULL, execution_ms BIGINT NOT NULL)");
      } catch (SQLException e) {
        // PostgreSQL's IF NOT EXISTS still races with a concurrent CREATE; fine once it exists.
        try {
          s.executeQuery("SELECT COUNT(*) FROM " + TABLE).close();
        } catch (SQLException absent) {
          e.addSuppressed(absent);
          throw e;
        }
      }
      if (db.kind() == BenchDatabase.Kind.H2) {
        // Row 0 is H2's lock row. Concurrent migrators race to insert it; losing is fine.
        try {
          s.execute("INSERT INTO " + TABLE + " VALUES (0, 'lock', 0, CURRENT_TIMESTAMP, 0)");
        } catch (SQLException alreadyThere) {
          // Another migrator inserted it first.
        }
      }
    }
  }

  private static AutoCloseable lock(BenchDatabase db, Connection c) throws SQLException {
    switch (db.kind()) {
      case POSTGRESQL -> {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
        }
        return () -> {
          try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
          }
        };
      }
      case MARIADB -> {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT GET_LOCK('" + LOCK_NAME + "', 300)")) {
          if (!rs.next() || rs.getInt(1) != 1) {
            throw new SQLException("GET_LOCK timed out");
          }
        }
        return () -> {
          try (Statement s = c.createStatement()) {
            s.execute("SELECT RELEASE_LOCK('" + LOCK_NAME + "')");
          }
        };
      }
      case H2 -> {
        Connection lock = db.connect();
        try {
          lock.setAutoCommit(false);
          try (Statement s = lock.createStatement()) {
            s.executeQuery("SELECT version FROM " + TABLE + " WHERE version = 0 FOR UPDATE")
                .close();
          }
        } catch (SQLException e) {
          lock.close();
          throw e;
        }
        return () -> {
          try (lock) {
            lock.rollback();
          }
        };
      }
      default -> throw new IllegalStateException("No lock for " + db.kind());
    }
  }

  private static void apply(Connection c, ScriptFile file) throws SQLException {
    long start = System.nanoTime();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement();
        PreparedStatement row =
            c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?)")) {
      for (String sql : file.statements()) {
        s.execute(sql);
      }
      row.setInt(1, file.version());
      row.setString(2, file.description());
      row.setLong(3, file.checksum());
      row.setTimestamp(4, Timestamp.from(Instant.now()));
      row.setLong(5, (System.nanoTime() - start) / 1_000_000);
      row.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  @Override
  public String historyCountQuery(BenchDatabase db) {
    return "SELECT COUNT(*), COUNT(DISTINCT version) FROM " + TABLE + " WHERE version > 0";
  }
}
