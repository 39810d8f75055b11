package dev.strata.source.tools;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The hand-written migration folders under {@code src/test/resources}, a query helper, and files in
 * the shape the tools write them.
 */
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

  /**
   * A folder in the shape {@code diesel setup} gives {@code 00000000000000_diesel_initial_setup}:
   * comments first, then PL/pgSQL helper functions in dollar-quoted bodies (written for this test).
   */
  static final String DIESEL_SETUP_UP =
      """
      -- Created by the tool to hold its helper functions.
      -- Safe to edit.



      -- Keeps a table's touched_at column current:
      -- SELECT keep_touched_at('users');
      CREATE OR REPLACE FUNCTION keep_touched_at(_tbl regclass) RETURNS VOID AS $$
      BEGIN
          EXECUTE format('CREATE TRIGGER touch BEFORE UPDATE ON %s
                          FOR EACH ROW EXECUTE PROCEDURE touch_row()', _tbl);
      END;
      $$ LANGUAGE plpgsql;

      CREATE OR REPLACE FUNCTION touch_row() RETURNS trigger AS $$
      BEGIN
          IF (NEW IS DISTINCT FROM OLD AND NEW.touched_at IS NOT DISTINCT FROM OLD.touched_at) THEN
              NEW.touched_at := current_timestamp;
          END IF;
          RETURN NEW;
      END;
      $$ LANGUAGE plpgsql;
      """;

  /** Its down script. */
  static final String DIESEL_SETUP_DOWN =
      """
      -- Created by the tool.

      DROP FUNCTION IF EXISTS keep_touched_at(_tbl regclass);
      DROP FUNCTION IF EXISTS touch_row();
      """;
}
