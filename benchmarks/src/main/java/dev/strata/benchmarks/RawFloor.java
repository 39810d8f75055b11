package dev.strata.benchmarks;

import java.sql.Connection;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * The absolute floor: plain JDBC executing the same statements in order on one connection, one
 * transaction per file. Every engine commits once per migration too, so the floor pays the same
 * commits (in auto-commit it paid one per statement and was slower than Strata on PostgreSQL);
 * where DDL commits implicitly (MariaDB, H2) the database commits more often for every engine
 * alike. It keeps no history, so it has no no-op startup and is not safe to run concurrently: it
 * only measures cold apply.
 */
final class RawFloor implements MigrationEngine {
  @Override
  public String name() {
    return "rawFloor";
  }

  @Override
  public int migrate(BenchDatabase db, MigrationSet set) throws Exception {
    int applied = 0;
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (ScriptFile file : ScriptFile.readAll(set)) {
        for (String sql : file.statements()) {
          s.execute(sql);
        }
        c.commit();
        applied++;
      }
    }
    return applied;
  }

  @Override
  public boolean keepsHistory() {
    return false;
  }

  @Override
  public @Nullable String historyCountQuery(BenchDatabase db) {
    return null;
  }
}
