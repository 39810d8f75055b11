package dev.strata.benchmarks;

import dev.strata.core.Strata;
import dev.strata.spi.support.HistoryTable;

/** Strata through its public API, as README's embedded example uses it. */
final class StrataEngine implements MigrationEngine {
  @Override
  public String name() {
    return "strata";
  }

  @Override
  public int migrate(BenchDatabase db, MigrationSet set) {
    return Strata.configure()
        .dataSource(db.dataSource())
        .sources("filesystem:" + set.migrationsDir())
        .load()
        .migrate()
        .applied()
        .size();
  }

  @Override
  public String historyCountQuery(BenchDatabase db) {
    return "SELECT COUNT(*), COUNT(DISTINCT "
        + db.quote(HistoryTable.VERSION)
        + ") FROM "
        + db.quote(HistoryTable.DEFAULT_NAME)
        + " WHERE "
        + db.quote(HistoryTable.ACTION)
        + " = 'APPLY' AND "
        + db.quote(HistoryTable.SUCCESS)
        + " = TRUE";
  }
}
