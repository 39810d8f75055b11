package dev.strata.backfill.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * The table {@code strata_backfill} in the migration schema: one row per backfill, keyed by its
 * name, recording the last key its committed batches covered. A batch updates the row in its own
 * transaction, so the row and the data never disagree, whenever a run is killed.
 */
public final class ProgressTable {
  /** The table's name, created on first use in the migration schema. */
  public static final String NAME = "strata_backfill";

  /** The longest last key recorded, in characters. */
  public static final int MAX_KEY_LENGTH = 1000;

  /** A backfill's row. */
  public record Row(
      String table,
      String key,
      @Nullable String lastKey,
      long rowsDone,
      long batches,
      boolean finished) {}

  private final SqlNames names;
  private final String table;

  public ProgressTable(SqlNames names, String schema) {
    this.names = names;
    this.table = names.quoted(schema) + "." + names.quoted(NAME);
  }

  /** Creates the table unless it exists; in autocommit, as DDL commits anyway on some databases. */
  public void createIfAbsent(Connection c) throws SQLException {
    String ddl =
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " ("
            + col("name")
            + " VARCHAR(200) NOT NULL PRIMARY KEY, "
            + col("table_name")
            + " VARCHAR(200) NOT NULL, "
            + col("key_column")
            + " VARCHAR(200) NOT NULL, "
            + col("last_key")
            + " VARCHAR("
            + MAX_KEY_LENGTH
            + "), "
            + col("rows_done")
            + " BIGINT NOT NULL, "
            + col("batches")
            + " BIGINT NOT NULL, "
            + col("started_at")
            + " TIMESTAMP NULL, "
            + col("updated_at")
            + " TIMESTAMP NULL, "
            + col("finished")
            + " BOOLEAN NOT NULL)";
    try (Statement s = c.createStatement()) {
      s.execute(ddl);
    } catch (SQLException e) {
      // Another process may have created it at the same moment (PostgreSQL's IF NOT EXISTS
      // is not atomic); what matters is that it exists now.
      if (!exists(c)) {
        throw e;
      }
    }
  }

  private boolean exists(Connection c) {
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** The backfill's row, inserted (as not started) when it has none. */
  public Row start(Connection c, String name, String targetTable, String key) throws SQLException {
    Row row = read(c, name, false);
    if (row != null) {
      return row;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " ("
                + col("name")
                + ", "
                + col("table_name")
                + ", "
                + col("key_column")
                + ", "
                + col("last_key")
                + ", "
                + col("rows_done")
                + ", "
                + col("batches")
                + ", "
                + col("started_at")
                + ", "
                + col("updated_at")
                + ", "
                + col("finished")
                + ") VALUES (?, ?, ?, NULL, 0, 0, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, ?)")) {
      s.setString(1, name);
      s.setString(2, targetTable);
      s.setString(3, key);
      s.setBoolean(4, false);
      s.executeUpdate();
    } catch (SQLException e) {
      row = read(c, name, false); // another runner inserted it first
      if (row == null) {
        throw e;
      }
      return row;
    }
    return new Row(targetTable, key, null, 0, 0, false);
  }

  /** The backfill's row, locked until the transaction ends, so that runners take turns. */
  public Row lock(Connection c, String name) throws SQLException {
    Row row = read(c, name, true);
    if (row == null) {
      throw new SQLException(
          "the row of backfill " + name + " in " + table + " was deleted while it ran");
    }
    return row;
  }

  private @Nullable Row read(Connection c, String name, boolean forUpdate) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + col("table_name")
                + ", "
                + col("key_column")
                + ", "
                + col("last_key")
                + ", "
                + col("rows_done")
                + ", "
                + col("batches")
                + ", "
                + col("finished")
                + " FROM "
                + table
                + " WHERE "
                + col("name")
                + " = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Row(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getBoolean(6));
      }
    }
  }

  /** Records a committed batch that ended at {@code lastKey} and updated {@code rows} rows. */
  public void advance(Connection c, String name, String lastKey, long rows, boolean finished)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + table
                + " SET "
                + col("last_key")
                + " = ?, "
                + col("rows_done")
                + " = "
                + col("rows_done")
                + " + ?, "
                + col("batches")
                + " = "
                + col("batches")
                + " + 1, "
                + col("updated_at")
                + " = CURRENT_TIMESTAMP, "
                + col("finished")
                + " = ? WHERE "
                + col("name")
                + " = ?")) {
      s.setString(1, lastKey);
      s.setLong(2, rows);
      s.setBoolean(3, finished);
      s.setString(4, name);
      s.executeUpdate();
    }
  }

  /** Records that no key is left after the last batch. */
  public void finish(Connection c, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + table
                + " SET "
                + col("finished")
                + " = ?, "
                + col("updated_at")
                + " = CURRENT_TIMESTAMP WHERE "
                + col("name")
                + " = ?")) {
      s.setBoolean(1, true);
      s.setString(2, name);
      s.executeUpdate();
    }
  }

  @Override
  public String toString() {
    return table;
  }

  private String col(String column) {
    return names.quoted(column);
  }
}
