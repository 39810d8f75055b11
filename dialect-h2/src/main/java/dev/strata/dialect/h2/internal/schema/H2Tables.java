package dev.strata.dialect.h2.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.COMMENT;
import static dev.strata.api.schema.SchemaObjectType.CONSTRAINT;
import static dev.strata.api.schema.SchemaObjectType.INDEX;
import static dev.strata.api.schema.SchemaObjectType.TABLE;
import static dev.strata.dialect.h2.internal.schema.H2SchemaInspector.literal;
import static dev.strata.dialect.h2.internal.schema.H2SchemaInspector.quote;

import dev.strata.api.schema.SchemaObject;
import dev.strata.spi.support.CatalogReader;
import java.sql.SQLException;

/** Tables, constraints, indexes and the comments on tables and columns. */
final class H2Tables {
  /** The quoted columns of one key constraint, in order. */
  private static final String KEY_COLUMNS =
      "(SELECT LISTAGG('\"' || REPLACE(k.COLUMN_NAME, '\"', '\"\"') || '\"', ', ')"
          + " WITHIN GROUP (ORDER BY k.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
          + " WHERE k.CONSTRAINT_SCHEMA = %1$s.CONSTRAINT_SCHEMA"
          + " AND k.CONSTRAINT_NAME = %1$s.CONSTRAINT_NAME)";

  private H2Tables() {}

  static void read(CatalogReader r) throws SQLException {
    r.add(
        "SELECT TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
        row -> {
          if (r.ignored(row.getString(1))) {
            return null;
          }
          if (row.getString(2) != null) {
            r.add(comment("TABLE " + quote(row.getString(1)), row.getString(2)));
          }
          return SchemaObject.of(TABLE, row.getString(1), "");
        });
    r.add(
        "SELECT TABLE_NAME, COLUMN_NAME, REMARKS FROM INFORMATION_SCHEMA.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? AND REMARKS IS NOT NULL",
        row ->
            r.ignored(row.getString(1))
                ? null
                : comment(
                    "COLUMN " + quote(row.getString(1)) + "." + quote(row.getString(2)),
                    row.getString(3)));
    r.add(
        "SELECT c.TABLE_NAME, c.CONSTRAINT_NAME, c.CONSTRAINT_TYPE, "
            + KEY_COLUMNS.formatted("c")
            + ", u.TABLE_SCHEMA, u.TABLE_NAME, "
            + KEY_COLUMNS.formatted("u")
            + ", f.DELETE_RULE, f.UPDATE_RULE, x.CHECK_CLAUSE"
            + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c"
            + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS f"
            + " ON f.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND f.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS u"
            + " ON u.CONSTRAINT_SCHEMA = f.UNIQUE_CONSTRAINT_SCHEMA"
            + " AND u.CONSTRAINT_NAME = f.UNIQUE_CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS x"
            + " ON x.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND x.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
            + " WHERE c.TABLE_SCHEMA = ?",
        row -> {
          String def =
              switch (row.getString(3)) {
                case "PRIMARY KEY" -> "PRIMARY KEY (" + row.getString(4) + ")";
                case "UNIQUE" -> "UNIQUE (" + row.getString(4) + ")";
                case "FOREIGN KEY" ->
                    "FOREIGN KEY ("
                        + row.getString(4)
                        + ") REFERENCES "
                        + r.unqualified(quote(row.getString(5)) + "." + quote(row.getString(6)))
                        + " ("
                        + row.getString(7)
                        + ") ON DELETE "
                        + row.getString(8)
                        + " ON UPDATE "
                        + row.getString(9);
                default -> "CHECK (" + r.unqualified(row.getString(10)) + ")";
              };
          return SchemaObject.ofTable(CONSTRAINT, row.getString(1), row.getString(2), def);
        });
    // Indexes H2 made for a constraint (IS_GENERATED) are part of that constraint.
    r.add(
        "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME,"
            + " (SELECT LISTAGG('\"' || REPLACE(c.COLUMN_NAME, '\"', '\"\"') || '\"'"
            + " || CASE WHEN c.ORDERING_SPECIFICATION = 'DESC' THEN ' DESC' ELSE '' END, ', ')"
            + " WITHIN GROUP (ORDER BY c.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEX_COLUMNS c"
            + " WHERE c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME)"
            + " FROM INFORMATION_SCHEMA.INDEXES i WHERE i.INDEX_SCHEMA = ? AND NOT i.IS_GENERATED",
        row -> {
          String kind = row.getString(3).replace("INDEX", "").strip();
          return SchemaObject.ofTable(
              INDEX,
              row.getString(1),
              row.getString(2),
              "CREATE "
                  + (kind.isEmpty() ? "" : kind + " ")
                  + "INDEX "
                  + quote(row.getString(2))
                  + " ON "
                  + quote(row.getString(1))
                  + " ("
                  + row.getString(4)
                  + ")");
        });
  }

  static SchemaObject comment(String on, String text) {
    return SchemaObject.of(COMMENT, on, "COMMENT ON " + on + " IS " + literal(text));
  }
}
