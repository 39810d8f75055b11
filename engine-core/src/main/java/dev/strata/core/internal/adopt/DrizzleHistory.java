package dev.strata.core.internal.adopt;

import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * drizzle-orm's migrator table {@code __drizzle_migrations} ({@code id}, {@code hash}, {@code
 * created_at}): in schema {@code drizzle} on PostgreSQL, in the current database on MySQL. Its
 * {@code hash} is the SHA-256 hex of the migration file's text, matched here with the sources.
 */
final class DrizzleHistory implements ForeignHistory {
  static final String TABLE = "__drizzle_migrations";

  @Override
  public String tool() {
    return "drizzle";
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
    String where = dialect.tableExists(c, "drizzle", TABLE) ? "drizzle" : schema;
    if (!dialect.tableExists(c, where, TABLE)) {
      return List.of();
    }
    Map<String, SourceMigration> byHash = new HashMap<>();
    for (SourceMigration s : sources) {
      byHash.put(ScriptDigest.sha256Hex(s.upScript()), s);
    }
    List<SourceMigration> applied = new ArrayList<>();
    List<ValidationProblem> problems = new ArrayList<>();
    String sql =
        "SELECT hash, created_at FROM "
            + dialect.quote(where)
            + "."
            + dialect.quote(TABLE)
            + " ORDER BY created_at";
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String hash = rs.getString(1);
        SourceMigration match = byHash.get(hash);
        if (match == null) {
          problems.add(
              new ValidationProblem(
                  ValidationProblem.Kind.MISSING,
                  null,
                  hash,
                  "drizzle applied a migration with hash "
                      + hash
                      + " (created_at "
                      + rs.getLong(2)
                      + ") that no source file has; point strata.sources at the folder drizzle"
                      + " migrated from, unchanged"));
        } else {
          applied.add(match);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(
          "Baselining from drizzle changed nothing: drizzle's history and the sources disagree:",
          problems);
    }
    return applied;
  }
}
