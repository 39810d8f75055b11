package dev.strata.core.internal.adopt;

import dev.strata.api.MigrationVersion;
import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * goose's {@code goose_db_version} ({@code id}, {@code version_id}, {@code is_applied}, {@code
 * tstamp}): one row per up or down, appended. As goose's {@code EnsureDBVersion} reads it, the
 * newest row of each version (highest {@code id}) says whether it is applied; the row for version 0
 * is goose's own, written with the table. goose refuses to migrate when a migration older than the
 * newest applied one was never applied ("missing"), unless run with {@code -allow-missing}; here
 * that is Strata's {@code outOfOrder}.
 */
final class GooseHistory implements ForeignHistory {
  static final String TABLE = "goose_db_version";

  @Override
  public String tool() {
    return "goose";
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
    // Newest row first: the first row seen for a version is the one that counts.
    Map<Long, Boolean> latest = new LinkedHashMap<>();
    String sql =
        "SELECT "
            + dialect.quote("version_id")
            + ", "
            + dialect.quote("is_applied")
            + " FROM "
            + dialect.quote(schema)
            + "."
            + dialect.quote(TABLE)
            + " ORDER BY "
            + dialect.quote("id")
            + " DESC";
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        latest.putIfAbsent(rs.getLong(1), rs.getBoolean(2));
      }
    }
    Map<MigrationVersion, SourceMigration> byVersion = Adoption.byVersion(sources);
    Refusal refusal = new Refusal(tool(), "goose");
    List<SourceMigration> applied = new ArrayList<>();
    latest.entrySet().stream()
        .filter(e -> e.getValue() && e.getKey() != 0)
        .map(Map.Entry::getKey)
        .sorted()
        .forEach(
            v -> {
              MigrationVersion version = MigrationVersion.parse(Long.toString(v));
              SourceMigration match = byVersion.get(version);
              if (match == null) {
                refusal.noSource(version, "version " + v, "goose's migrations directory");
              } else {
                applied.add(match);
              }
            });
    refusal.throwIfAny();
    List<SourceMigration> missing = Adoption.unapplied(applied, sources);
    if (!missing.isEmpty() && !outOfOrder) {
      MigrationVersion current = Adoption.newest(applied);
      for (SourceMigration m : missing) {
        refusal.add(
            ValidationProblem.Kind.OUT_OF_ORDER,
            m.id().version(),
            m.id()
                + " ("
                + m.up().origin()
                + ") is older than goose's current version "
                + current
                + " but goose never applied it; goose itself refuses to migrate then"
                + " (\"found "
                + missing.size()
                + " missing migrations\") unless run with -allow-missing. Renumber it above "
                + current
                + ", or adopt with strata.outOfOrder=true, Strata's -allow-missing: it stays"
                + " pending, and `migrate` with strata.outOfOrder=true applies it");
      }
      refusal.throwIfAny();
    }
    return new Adoption(applied, missing, false);
  }
}
