package dev.strata.core.backfill;

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
enum KeyType {
  INTEGER {
    @Override
    @Nullable Object read(ResultSet rs, int column) throws SQLException {
      long key = rs.getLong(column);
      return rs.wasNull() ? null : key;
    }

    @Override
    Object parse(String text) {
      return Long.parseLong(text);
    }
  },
  DECIMAL {
    @Override
    @Nullable Object read(ResultSet rs, int column) throws SQLException {
      return rs.getBigDecimal(column);
    }

    @Override
    Object parse(String text) {
      return new BigDecimal(text);
    }

    @Override
    String format(Object key) {
      return ((BigDecimal) key).toPlainString();
    }
  },
  TEXT {
    @Override
    @Nullable Object read(ResultSet rs, int column) throws SQLException {
      return rs.getString(column);
    }

    @Override
    Object parse(String text) {
      return text;
    }
  },
  UUID {
    @Override
    @Nullable Object read(ResultSet rs, int column) throws SQLException {
      return rs.getObject(column, java.util.UUID.class);
    }

    @Override
    Object parse(String text) {
      return java.util.UUID.fromString(text);
    }
  };

  /** The key in column {@code column} of the current row; {@code null} for SQL NULL. */
  abstract @Nullable Object read(ResultSet rs, int column) throws SQLException;

  /** The key recorded as {@code text} by {@link #format}. */
  abstract Object parse(String text);

  /** The key as text, to record it. */
  String format(Object key) {
    return key.toString();
  }

  void bind(PreparedStatement statement, int index, Object key) throws SQLException {
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
  static @Nullable KeyType of(ResultSetMetaData metaData) throws SQLException {
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
