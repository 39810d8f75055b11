package dev.strata.reliability;

import dev.strata.testsupport.IsolatedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Small JDBC helpers for looking at a test database from outside the engine. */
final class Jdbc {
  private Jdbc() {}

  /** The first column of every row of {@code sql}, as text ({@code null} stays {@code null}). */
  static List<String> column(IsolatedDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect()) {
      return column(c, sql);
    }
  }

  static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** The single value {@code sql} returns. */
  static String value(IsolatedDatabase db, String sql) throws SQLException {
    List<String> values = column(db, sql);
    if (values.size() != 1) {
      throw new AssertionError(sql + " returned " + values.size() + " rows: " + values);
    }
    return values.get(0);
  }

  static void execute(IsolatedDatabase db, String... statements) throws SQLException {
    try (Connection c = db.connect()) {
      execute(c, statements);
    }
  }

  static void execute(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /**
   * Polls {@code condition} every 50 ms until it holds; fails naming {@code what} after {@code
   * timeout}.
   */
  static void awaitTrue(String what, Duration timeout, Callable<Boolean> condition)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      Thread.sleep(50);
    }
  }
}
