package dev.strata.benchmarks;

import org.flywaydb.core.Flyway;

/** Flyway with its defaults (validate on migrate included), reading the same folder. */
final class FlywayEngine implements MigrationEngine {
  @Override
  public String name() {
    return "flyway";
  }

  @Override
  public int migrate(BenchDatabase db, MigrationSet set) {
    return Flyway.configure()
        .dataSource(db.dataSource())
        .locations("filesystem:" + set.migrationsDir())
        .load()
        .migrate()
        .migrationsExecuted;
  }

  @Override
  public String historyCountQuery(BenchDatabase db) {
    return "SELECT COUNT(*), COUNT(DISTINCT "
        + db.quote("version")
        + ") FROM "
        + db.quote("flyway_schema_history")
        + " WHERE "
        + db.quote("type")
        + " = 'SQL' AND "
        + db.quote("success")
        + " = TRUE";
  }
}
