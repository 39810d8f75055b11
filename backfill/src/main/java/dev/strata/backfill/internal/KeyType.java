package dev.strata.backfill.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of key column a backfill pages over, and how a key travels: read from a result set,
 * bound to a statement, and kept as text in {@code strata_backfill} between runs. Keys are only
 * ever compared by the database, so its ordering (and collation, for text) is the one used.
 */
public enum KeyType {
  INTEGER {
    @Override
    public @Nullable Object read(ResultSet rs, int column) throws SQLException {
      long key = rs.getLong(column);
      return rs.wasNull() ? null : key;
    }

    @Override
    public Object parse(String text) {
      return Long.parseLong(text);
    }
  },
  DECIMAL {
    @Override
    public @Nullable Object read(ResultSet rs, int column) throws SQLException {
      return rs.getBigDecimal(column);
    }

    @Override
    public Object parse(String text) {
      return new BigDecimal(text);
    }

    @Override
    public String format(Object key) {
      return ((BigDecimal) key).toPlainString();
    }
  },
  TEXT {
    @Override
    public @Nullable Object read(ResultSet rs, int column) throws SQLException {
      return rs.getString(column);
    }

    @Override
    public Object parse(String text) {
      return text;
    }
  },
  UUID {
    @Override
    public @Nullable Object read(ResultSet rs, int column) throws SQLException {
      return rs.getObject(column, java.util.UUID.class);
    }

    @Override
    public Object parse(String text) {
      return java.util.UUID.fromString(text);
    }
  };

  /** The key in column {@code column} of the current row; {@code null} for SQL NULL. */
  public abstract @Nullable Object read(ResultSet rs, int column) throws SQLException;

  /** The key recorded as {@code text} by {@link #format}. */
  public abstract Object parse(String text);

  /** The key as text, to record it. */
  public String format(Object key) {
    return key.toString();
  }

  public void bind(PreparedStatement statement, int index, Object key) throws SQLException {
    if (key instanceof Long l) {
      statement.setLong(index, l);
    } else if (key instanceof BigDecimal d) {
      statement.setBigDecimal(index, d);
    } else if (key instanceof String s) {
      statement.setString(index, s);
    } else {
      statement.setObject(index, key);
    }
  }

  /**
   * The type of the first column of {@code metaData}, or {@code null} when a backfill cannot page
   * over it.
   */
  public static @Nullable KeyType of(ResultSetMetaData metaData) throws SQLException {
    String javaClass = metaData.getColumnClassName(1);
    if ("java.util.UUID".equals(javaClass)) {
      return UUID;
    }
    switch (metaData.getColumnType(1)) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
        // MySQL's BIGINT UNSIGNED does not fit a long.
        return "java.math.BigInteger".equals(javaClass) ? DECIMAL : INTEGER;
      case Types.NUMERIC, Types.DECIMAL:
        return DECIMAL;
      case Types.CHAR,
      Types.VARCHAR,
      Types.LONGVARCHAR,
      Types.NCHAR,
      Types.NVARCHAR,
      Types.LONGNVARCHAR:
        return TEXT;
      default:
        return null;
    }
  }
}
