package dev.strata.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * The checks every benchmark makes on its result, so that a fast wrong engine cannot score: each
 * migration's row in {@code bench_log} exactly once, and exactly one successful history row per
 * migration.
 */
final class Verification {
  private Verification() {}

  /**
   * Throws unless every migration of {@code set} was applied exactly once by {@code engine}.
   *
   * @throws IllegalStateException naming the engine, database and counts
   */
  static void appliedExactlyOnce(BenchDatabase db, MigrationSet set, MigrationEngine engine)
      throws SQLException {
    long[] log = counts(db, "SELECT COUNT(*), COUNT(DISTINCT version) FROM bench_log");
    if (log[0] != set.expectedLogRows() || log[1] != set.expectedLogRows()) {
      throw new IllegalStateException(
          engine.name()
              + " on "
              + db
              + ": bench_log holds "
              + log[0]
              + " rows with "
              + log[1]
              + " distinct versions; expected "
              + set.expectedLogRows()
              + " of each");
    }
    @Nullable String history = engine.historyCountQuery(db);
    if (history != null) {
      long[] rows = counts(db, history);
      if (rows[0] != set.migrations() || rows[1] != set.migrations()) {
        throw new IllegalStateException(
            engine.name()
                + " on "
                + db
                + ": its history records "
                + rows[0]
                + " applications of "
                + rows[1]
                + " distinct migrations; expected "
                + set.migrations()
                + " of each");
      }
    }
  }

  /** Throws unless a {@code migrate} call reported {@code expected} migrations (or nothing). */
  static void reported(MigrationEngine engine, int applied, int expected) {
    if (applied != MigrationEngine.UNKNOWN && applied != expected) {
      throw new IllegalStateException(
          engine.name() + " reported " + applied + " migrations applied; expected " + expected);
    }
  }

  private static long[] counts(BenchDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
