package dev.strata.core.internal.adopt;

import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * dbmate's {@code schema_migrations} ({@code version varchar} primary key): one row per applied
 * migration, the digits its file name starts with; a rollback deletes the row. dbmate applies every
 * migration whose version has no row, older ones too (unless run with {@code --strict}), so a
 * source older than the newest applied one stays pending.
 */
final class DbmateHistory implements ForeignHistory {
  static final String TABLE = "schema_migrations";

  @Override
  public String tool() {
    return "dbmate";
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
    Refusal refusal = new Refusal(tool(), "dbmate");
    // golang-migrate's table has the same name; read as dbmate's, its one row would leave every
    // older migration pending.
    if (VersionRows.columns(c, dialect, schema, TABLE).contains("dirty")) {
      refusal.add(
          ValidationProblem.Kind.MISSING,
          null,
          schema
              + "."
              + TABLE
              + " has a dirty column: it is golang-migrate's table, not dbmate's; adopt it with"
              + " `baseline` from golang-migrate");
      refusal.throwIfAny();
    }
    List<SourceMigration> applied =
        VersionRows.match(c, dialect, schema, TABLE, sources, refusal, "dbmate's db/migrations");
    refusal.throwIfAny();
    return Adoption.applyingMissing(applied, sources);
  }
}
