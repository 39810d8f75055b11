package dev.strata.source.tools;

import dev.strata.testsupport.IsolatedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test database holds besides Strata's own tables, one line per column ({@code
 * users.email}), index, function and trigger, sorted: enough to see which statements of a fixture
 * ran.
 */
final class Schema {
  private Schema() {}

  static List<String> postgres(IsolatedDatabase db) throws SQLException {
    return query(
        db,
        "SELECT table_name || '.' || column_name FROM information_schema.columns"
            + " WHERE table_schema = current_schema() AND table_name NOT LIKE 'strata%'"
            + " UNION ALL SELECT 'index ' || indexname FROM pg_indexes"
            + " WHERE schemaname = current_schema() AND tablename NOT LIKE 'strata%'"
            + " UNION ALL SELECT 'function ' || routine_name FROM information_schema.routines"
            + " WHERE routine_schema = current_schema()"
            + " UNION ALL SELECT 'trigger ' || trigger_name FROM information_schema.triggers"
            + " WHERE trigger_schema = current_schema()");
  }

  static List<String> mysql(IsolatedDatabase db) throws SQLException {
    return query(
        db,
        "SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns"
            + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'strata%'"
            + " UNION ALL SELECT DISTINCT CONCAT('index ', table_name, '.', index_name)"
            + " FROM information_schema.statistics"
            + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'strata%'");
  }

  private static List<String> query(IsolatedDatabase db, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    lines.sort(null);
    return lines;
  }
}
