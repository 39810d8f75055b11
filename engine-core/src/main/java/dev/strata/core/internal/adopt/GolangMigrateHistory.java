package dev.strata.core.internal.adopt;

import dev.strata.api.MigrationVersion;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * golang-migrate's {@code schema_migrations} ({@code version}, {@code dirty}): one row, the current
 * version; every source migration up to it counts as applied. A dirty database is refused, as
 * golang-migrate itself refuses it.
 */
final class GolangMigrateHistory implements ForeignHistory {
  static final String TABLE = "schema_migrations";

  @Override
  public String tool() {
    return "golang-migrate";
  }

  @Override
  public Adoption adopt(
      Connection c,
      Dialect dialect,
      String schema,
      List<SourceMigration> sources,
      boolean outOfOrder)
      throws SQLException {
    return Adoption.skippingOlder(applied(c, dialect, schema, sources));
  }

  private List<SourceMigration> applied(
      Connection c, Dialect dialect, String schema, List<SourceMigration> sources)
      throws SQLException {
    if (!dialect.tableExists(c, schema, TABLE)) {
      return List.of();
    }
    // dbmate's table has the same name, and no dirty column.
    if (!VersionRows.columns(c, dialect, schema, TABLE).contains("dirty")) {
      throw new ValidationException(
          "Baselining from golang-migrate changed nothing:",
          List.of(
              new ValidationProblem(
                  ValidationProblem.Kind.MISSING,
                  null,
                  "",
                  schema
                      + "."
                      + TABLE
                      + " has no dirty column: it is not golang-migrate's table; if dbmate"
                      + " wrote it, adopt it with `baseline` from dbmate")));
    }
    String sql =
        "SELECT "
            + dialect.quote("version")
            + ", "
            + dialect.quote("dirty")
            + " FROM "
            + dialect.quote(schema)
            + "."
            + dialect.quote(TABLE);
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        return List.of();
      }
      MigrationVersion current = MigrationVersion.parse(Long.toString(rs.getLong(1)));
      if (rs.getBoolean(2)) {
        throw new ValidationException(
            "Baselining from golang-migrate changed nothing:",
            List.of(
                new ValidationProblem(
                    ValidationProblem.Kind.FAILED,
                    current,
                    "",
                    "golang-migrate marks version "
                        + current
                        + " dirty (it failed midway); fix the"
                        + " database and run `migrate force "
                        + current
                        + "` first")));
      }
      return sources.stream()
          .filter(s -> s.id().version() != null && !s.id().version().isNewerThan(current))
          .toList();
    }
  }
}
