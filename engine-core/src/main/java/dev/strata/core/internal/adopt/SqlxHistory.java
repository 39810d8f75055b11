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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * sqlx's {@code _sqlx_migrations} ({@code version bigint}, {@code description}, {@code
 * installed_on}, {@code success}, {@code checksum} bytes, {@code execution_time}): one row per
 * applied migration, its {@code checksum} the SHA-384 of the file's text as read (sqlx reads it
 * whole, a byte-order mark included). A row with {@code success = false} is a migration that failed
 * midway on a database without transactional DDL; sqlx refuses to migrate then ("migration V is
 * partially applied"), and so does this. sqlx applies every migration without a row, older ones
 * too, so a source older than the newest applied one stays pending.
 */
final class SqlxHistory implements ForeignHistory {
  static final String TABLE = "_sqlx_migrations";

  @Override
  public String tool() {
    return "sqlx";
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
    Map<MigrationVersion, SourceMigration> byVersion = Adoption.byVersion(sources);
    Refusal refusal = new Refusal(tool(), "sqlx");
    List<SourceMigration> applied = new ArrayList<>();
    String sql =
        "SELECT "
            + dialect.quote("version")
            + ", "
            + dialect.quote("description")
            + ", "
            + dialect.quote("success")
            + ", "
            + dialect.quote("checksum")
            + " FROM "
            + dialect.quote(schema)
            + "."
            + dialect.quote(TABLE)
            + " ORDER BY "
            + dialect.quote("version");
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        long v = rs.getLong(1);
        String row = "version " + v + " (" + rs.getString(2) + ")";
        MigrationVersion version = MigrationVersion.parse(Long.toString(v));
        if (!rs.getBoolean(3)) {
          refusal.add(
              ValidationProblem.Kind.FAILED,
              version,
              "sqlx recorded "
                  + row
                  + " with success = false: it failed midway and the database is dirty; sqlx"
                  + " refuses to migrate too (\"migration "
                  + v
                  + " is partially applied\"). Finish or undo it by hand, fix its row in "
                  + TABLE
                  + " (delete it, or set success = true if it completed), then adopt");
          continue;
        }
        SourceMigration match = byVersion.get(version);
        if (match == null) {
          refusal.noSource(version, row, "sqlx's migrations/");
          continue;
        }
        byte[] recorded = rs.getBytes(4);
        byte[] computed = checksum(match.upScript());
        // The engine's text has no byte-order mark; sqlx hashed the file with it, if it had one.
        if (!Arrays.equals(recorded, computed)
            && !Arrays.equals(recorded, checksum("\uFEFF" + match.upScript()))) {
          HexFormat hex = HexFormat.of();
          refusal.edited(
              match,
              row,
              recorded == null ? "(none)" : hex.formatHex(recorded),
              hex.formatHex(computed));
        } else {
          applied.add(match);
        }
      }
    }
    refusal.throwIfAny();
    return Adoption.applyingMissing(applied, sources);
  }

  /** sqlx's checksum: the SHA-384 of the script's UTF-8 bytes. */
  static byte[] checksum(String script) {
    return ScriptDigest.sha384(script);
  }
}
