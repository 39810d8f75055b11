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
import java.util.ArrayList;
import java.util.List;

/**
 * Flyway's {@code flyway_schema_history} in the migration schema: its successful versioned rows
 * (including Flyway's own baseline) are matched with the sources by version.
 */
final class FlywayHistory implements ForeignHistory {
  static final String TABLE = "flyway_schema_history";

  @Override
  public String tool() {
    return "flyway";
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
    List<SourceMigration> applied = new ArrayList<>();
    List<ValidationProblem> problems = new ArrayList<>();
    String sql =
        "SELECT "
            + dialect.quote("version")
            + ", "
            + dialect.quote("success")
            + ", "
            + dialect.quote("script")
            + " FROM "
            + dialect.quote(schema)
            + "."
            + dialect.quote(TABLE)
            + " WHERE "
            + dialect.quote("version")
            + " IS NOT NULL ORDER BY "
            + dialect.quote("installed_rank");
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        MigrationVersion version = MigrationVersion.parse(rs.getString(1));
        String script = rs.getString(3);
        if (!rs.getBoolean(2)) {
          problems.add(
              problem(
                  version,
                  "Flyway recorded V"
                      + version
                      + " ("
                      + script
                      + ") as failed;"
                      + " repair it with Flyway first"));
          continue;
        }
        sources.stream()
            .filter(s -> version.equals(s.id().version()))
            .findFirst()
            .ifPresentOrElse(
                applied::add,
                () ->
                    problems.add(
                        problem(
                            version,
                            "Flyway applied V"
                                + version
                                + " ("
                                + script
                                + ") but no source has that version; point strata.sources at the folder Flyway"
                                + " migrated from")));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(
          "Baselining from flyway changed nothing: Flyway's history and the sources disagree:",
          problems);
    }
    return applied;
  }

  private static ValidationProblem problem(MigrationVersion version, String message) {
    return new ValidationProblem(ValidationProblem.Kind.MISSING, version, "", message);
  }
}
