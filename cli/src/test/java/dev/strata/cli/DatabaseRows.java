package dev.strata.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC against a test's database: what the tests assert is read from the server itself. */
final class DatabaseRows {
  private DatabaseRows() {}

  /** The first column of a query's rows, as strings ({@code null} as "null"). */
  static List<String> column(DataSource db, String sql, Object... parameters) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(String.valueOf(rs.getString(1)));
        }
      }
    }
    return values;
  }

  /** Runs each statement in turn, in autocommit. */
  static void execute(DataSource db, String... sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
    }
  }
}
