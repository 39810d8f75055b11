package dev.strata.core.internal.adopt;

import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Diesel's {@code __diesel_schema_migrations} ({@code version varchar(50)} primary key, {@code
 * run_on}): one row per applied migration, its folder name's prefix before the first {@code _} with
 * the {@code -} removed ({@code 2023-01-01-000000_create_users} is {@code 20230101000000}); a
 * revert deletes the row. Diesel runs every migration whose version has no row, older ones too, so
 * a source older than the newest applied one stays pending.
 */
final class DieselHistory implements ForeignHistory {
  static final String TABLE = "__diesel_schema_migrations";

  @Override
  public String tool() {
    return "diesel";
  }

  @Override
  public Adoption adopt(
      Connection c,
      Dialect dialect,
      String schema,
      List<SourceMigration> sources,
      boolean outOfOrder)
      throws SQLException {
    if (!dialect.tableExists(c, schema, TABLE)) {
      return Adoption.skippingOlder(List.of());
    }
    Refusal refusal = new Refusal(tool(), "Diesel");
    List<SourceMigration> applied =
        VersionRows.match(c, dialect, schema, TABLE, sources, refusal, "Diesel's migrations/");
    refusal.throwIfAny();
    return Adoption.applyingMissing(applied, sources);
  }
}
