package dev.strata.source.tools;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/** The hand-written migration folders under {@code src/test/resources}, and a query helper. */
final class Fixtures {
  private Fixtures() {}

  /** The folder {@code name} of the test resources, e.g. {@code goose/postgres}. */
  static Path folder(String name) {
    try {
      return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row of {@code sql}, as a string. */
  static String query(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
