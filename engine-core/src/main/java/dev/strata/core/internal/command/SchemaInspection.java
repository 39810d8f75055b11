package dev.strata.core.internal.command;

import dev.strata.api.ConfigurationException;
import dev.strata.api.schema.SchemaModel;
import dev.strata.core.internal.lock.LockTarget;
import dev.strata.core.internal.schema.SchemaScript;
import dev.strata.core.internal.session.Session;
import dev.strata.spi.SchemaInspector;
import java.sql.SQLException;
import java.util.Set;

/**
 * {@code dump-schema}: the migration schema read through the dialect's {@link SchemaInspector},
 * without Strata's own tables. Takes no lock and changes nothing.
 */
public final class SchemaInspection {
  /** The table a batched backfill records its progress in (see {@code strata-backfill}). */
  private static final String BACKFILL_TABLE = "strata_backfill";

  private final Engine engine;

  public SchemaInspection(Engine engine) {
    this.engine = engine;
  }

  /** The model of the migration schema. */
  public SchemaModel inspect() {
    return engine.withSession(SchemaInspection::inspect);
  }

  /** The model as the SQL text {@code dump-schema} writes. */
  public String dump() {
    return engine.withSession(s -> SchemaScript.render(inspect(s), s.dialect()::quote));
  }

  static SchemaModel inspect(Session s) throws SQLException {
    return inspector(s)
        .inspect(
            s.connection(),
            s.schema(),
            Set.of(s.table(), LockTarget.leaseTable(s.table()), BACKFILL_TABLE));
  }

  /** The session's dialect's inspector, or an error saying the dialect has none. */
  static SchemaInspector inspector(Session s) {
    SchemaInspector inspector = s.dialect().schemaInspector();
    if (inspector == null) {
      throw new ConfigurationException(
          "The "
              + s.dialect().name()
              + " dialect cannot inspect a schema (its Dialect.schemaInspector() returns none), so"
              + " `dump-schema` and `diff` cannot run on it; use a dialect that implements it"
              + " (postgresql from PostgreSQL 13, mysql, h2)");
    }
    return inspector;
  }
}
