package dev.strata.dialect.h2.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.COLUMN;

import dev.strata.api.schema.SchemaObject;
import dev.strata.spi.support.CatalogReader;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Columns, with their types written as H2 declares them: length, precision, scale, time precision,
 * enum values and array element types are separate columns of {@code INFORMATION_SCHEMA.COLUMNS}.
 */
final class H2Columns {
  private H2Columns() {}

  static void read(CatalogReader r) throws SQLException {
    r.add(
        "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH,"
            + " c.NUMERIC_PRECISION, c.NUMERIC_SCALE, c.DATETIME_PRECISION, c.DOMAIN_NAME,"
            + " (SELECT LISTAGG('''' || REPLACE(e.VALUE_NAME, '''', '''''') || '''', ', ')"
            + " WITHIN GROUP (ORDER BY e.VALUE_ORDINAL) FROM INFORMATION_SCHEMA.ENUM_VALUES e"
            + " WHERE e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME"
            + " AND e.OBJECT_TYPE = 'TABLE' AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER),"
            + " (SELECT t.DATA_TYPE FROM INFORMATION_SCHEMA.ELEMENT_TYPES t"
            + " WHERE t.OBJECT_SCHEMA = c.TABLE_SCHEMA AND t.OBJECT_NAME = c.TABLE_NAME"
            + " AND t.OBJECT_TYPE = 'TABLE' AND t.COLLECTION_TYPE_IDENTIFIER = c.DTD_IDENTIFIER),"
            + " c.MAXIMUM_CARDINALITY, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.IS_IDENTITY,"
            + " c.IDENTITY_GENERATION, c.IS_GENERATED, c.GENERATION_EXPRESSION, c.COLUMN_ON_UPDATE"
            + " FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t"
            + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
            + " WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'",
        row -> SchemaObject.ofTable(COLUMN, row.getString(1), row.getString(2), column(r, row)));
  }

  private static String column(CatalogReader r, ResultSet row) throws SQLException {
    StringBuilder def = new StringBuilder(type(row));
    if ("ALWAYS".equals(row.getString(16))) {
      def.append(" GENERATED ALWAYS AS (").append(r.unqualified(row.getString(17))).append(')');
    } else if (row.getString(13) != null) {
      def.append(" DEFAULT ").append(r.unqualified(row.getString(13)));
    }
    if ("YES".equals(row.getString(14))) {
      def.append(" GENERATED ").append(row.getString(15)).append(" AS IDENTITY");
    }
    if (row.getString(18) != null) {
      def.append(" ON UPDATE ").append(r.unqualified(row.getString(18)));
    }
    if ("NO".equals(row.getString(12))) {
      def.append(" NOT NULL");
    }
    return def.toString();
  }

  private static String type(ResultSet row) throws SQLException {
    if (row.getString(8) != null) {
      return H2SchemaInspector.quote(row.getString(8));
    }
    String type = row.getString(3);
    return switch (type) {
      case "CHARACTER", "CHARACTER VARYING", "BINARY", "BINARY VARYING", "VARCHAR_IGNORECASE" ->
          type + "(" + row.getLong(4) + ")";
      case "NUMERIC", "DECIMAL" -> type + "(" + row.getInt(5) + ", " + row.getInt(6) + ")";
      case "DECFLOAT" -> type + "(" + row.getInt(5) + ")";
      case "ENUM" -> "ENUM(" + row.getString(9) + ")";
      case "ARRAY" -> row.getString(10) + " ARRAY[" + row.getLong(11) + "]";
      default -> {
        if (type.startsWith("TIME") && row.getString(7) != null) {
          int space = type.indexOf(' ');
          yield space < 0
              ? type + "(" + row.getInt(7) + ")"
              : type.substring(0, space) + "(" + row.getInt(7) + ")" + type.substring(space);
        }
        yield type;
      }
    };
  }
}
