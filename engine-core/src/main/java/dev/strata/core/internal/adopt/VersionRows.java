package dev.strata.core.internal.adopt;

import dev.strata.api.MigrationVersion;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table of applied versions, one {@code version} text per applied migration (dbmate's and
 * Diesel's): each row is matched with the source of that version.
 */
final class VersionRows {
  private VersionRows() {}

  /**
   * The sources of the versions {@code table} lists, oldest first; a row that no source has goes to
   * {@code refusal}.
   */
  static List<SourceMigration> match(
      Connection c,
      Dialect dialect,
      String schema,
      String table,
      List<SourceMigration> sources,
      Refusal refusal,
      String sourceHint)
      throws SQLException {
    List<String> versions = new ArrayList<>();
    String sql =
        "SELECT "
            + dialect.quote("version")
            + " FROM "
            + dialect.quote(schema)
            + "."
            + dialect.quote(table)
            + " ORDER BY "
            + dialect.quote("version");
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    Map<MigrationVersion, SourceMigration> byVersion = Adoption.byVersion(sources);
    List<SourceMigration> applied = new ArrayList<>();
    for (String text : versions) {
      MigrationVersion version = Refusal.versionOrNull(text.strip());
      SourceMigration match = version == null ? null : byVersion.get(version);
      if (match == null) {
        refusal.noSource(version, "version '" + text + "'", sourceHint);
      } else {
        applied.add(match);
      }
    }
    // The table's text order is not the version order ('10' before '9').
    applied.sort(java.util.Comparator.comparing(m -> m.id().version()));
    return applied;
  }

  /** The names of {@code table}'s columns, lower case. */
  static List<String> columns(Connection c, Dialect dialect, String schema, String table)
      throws SQLException {
    List<String> names = new ArrayList<>();
    String sql =
        "SELECT * FROM " + dialect.quote(schema) + "." + dialect.quote(table) + " WHERE 1 = 0";
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      var md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }
}
