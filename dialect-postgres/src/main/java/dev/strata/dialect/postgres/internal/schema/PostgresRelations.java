package dev.strata.dialect.postgres.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.COLUMN;
import static dev.strata.api.schema.SchemaObjectType.CONSTRAINT;
import static dev.strata.api.schema.SchemaObjectType.INDEX;
import static dev.strata.api.schema.SchemaObjectType.MATERIALIZED_VIEW;
import static dev.strata.api.schema.SchemaObjectType.SEQUENCE;
import static dev.strata.api.schema.SchemaObjectType.TABLE;
import static dev.strata.api.schema.SchemaObjectType.VIEW;

import dev.strata.api.schema.SchemaObject;
import dev.strata.spi.support.CatalogReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Tables, columns, constraints, indexes, views and sequences, from {@code pg_class} and kin. */
final class PostgresRelations {
  /** Leaves out what an extension created (its tables, functions, types). */
  static String notOfExtension(String catalog, String oid) {
    return " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '"
        + catalog
        + "'::regclass AND e.objid = "
        + oid
        + " AND e.deptype = 'e')";
  }

  private static final String IN_SCHEMA =
      " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?";

  private PostgresRelations() {}

  static void read(CatalogReader r) throws SQLException {
    r.add(
        "SELECT c.relname, c.relpersistence, pg_catalog.pg_get_partkeydef(c.oid),"
            + " (SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p"
            + " ON p.oid = i.inhparent WHERE i.inhrelid = c.oid AND c.relispartition),"
            + " pg_catalog.pg_get_expr(c.relpartbound, c.oid)"
            + " FROM pg_catalog.pg_class c"
            + IN_SCHEMA
            + " AND c.relkind IN ('r', 'p')"
            + notOfExtension("pg_class", "c.oid"),
        row -> {
          String table = row.getString(1);
          if (r.ignored(table)) {
            return null;
          }
          List<String> parts = new ArrayList<>();
          if ("u".equals(row.getString(2))) {
            parts.add("UNLOGGED");
          }
          if (row.getString(4) != null) {
            parts.add("PARTITION OF " + row.getString(4) + " " + row.getString(5));
          }
          if (row.getString(3) != null) {
            parts.add("PARTITION BY " + row.getString(3));
          }
          return SchemaObject.of(TABLE, table, String.join(" ", parts));
        });
    r.add(
        "SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity,"
            + " a.attgenerated, quote_ident(co.collname)"
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
            + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
            + " AND a.attcollation <> t.typcollation"
            + IN_SCHEMA
            + " AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
            + notOfExtension("pg_class", "c.oid"),
        row -> SchemaObject.ofTable(COLUMN, row.getString(1), row.getString(2), column(r, row)));
    r.add(
        "SELECT c.relname, k.conname, pg_catalog.pg_get_constraintdef(k.oid, true)"
            + " FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid"
            + IN_SCHEMA
            + " AND k.contype IN ('p', 'u', 'c', 'f', 'x')"
            // A partition's copies of its parent's constraints are the parent's.
            + " AND (k.conparentid = 0 OR k.contype IN ('c'))",
        row ->
            SchemaObject.ofTable(
                CONSTRAINT, row.getString(1), row.getString(2), r.unqualified(row.getString(3))));
    r.add(
        "SELECT t.relname, c.relname, pg_catalog.pg_get_indexdef(c.oid)"
            + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid"
            + " JOIN pg_catalog.pg_class t ON t.oid = x.indrelid"
            + IN_SCHEMA
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = c.oid"
            + " AND k.conrelid = t.oid AND k.contype IN ('p', 'u', 'x'))"
            + notOfExtension("pg_class", "t.oid"),
        row ->
            SchemaObject.ofTable(
                INDEX, row.getString(1), row.getString(2), r.unqualified(row.getString(3))));
    r.add(
        "SELECT c.relname, c.relkind, pg_catalog.pg_get_viewdef(c.oid, true), quote_ident(c.relname)"
            + " FROM pg_catalog.pg_class c"
            + IN_SCHEMA
            + " AND c.relkind IN ('v', 'm')"
            + notOfExtension("pg_class", "c.oid"),
        row -> {
          boolean materialized = "m".equals(row.getString(2));
          String body = r.unqualified(row.getString(3).strip());
          if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
          }
          return SchemaObject.of(
              materialized ? MATERIALIZED_VIEW : VIEW,
              row.getString(1),
              (materialized ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ")
                  + row.getString(4)
                  + " AS\n"
                  + body);
        });
    r.add(
        "SELECT c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
            + " s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
            + " (SELECT quote_ident(t.relname) || '.' || quote_ident(a.attname)"
            + " FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
            + " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
            + " AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'), "
            + " (SELECT t.relname FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class t"
            + " ON t.oid = d.refobjid WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
            + " AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'),"
            + " quote_ident(c.relname) AS quoted"
            + " FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
            + IN_SCHEMA
            // An identity column's sequence is part of the column.
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid ="
            + " 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')"
            + notOfExtension("pg_class", "c.oid"),
        row -> {
          String owner = row.getString(10);
          if (owner != null && r.ignored(owner)) {
            return null;
          }
          String def =
              "CREATE SEQUENCE "
                  + row.getString("quoted")
                  + " AS "
                  + row.getString(2)
                  + " START WITH "
                  + row.getLong(3)
                  + " INCREMENT BY "
                  + row.getLong(4)
                  + " MINVALUE "
                  + row.getLong(5)
                  + " MAXVALUE "
                  + row.getLong(6)
                  + " CACHE "
                  + row.getLong(7)
                  + (row.getBoolean(8) ? " CYCLE" : "")
                  + (row.getString(9) == null ? "" : " OWNED BY " + row.getString(9));
          return SchemaObject.of(SEQUENCE, row.getString(1), def);
        });
  }

  private static String column(CatalogReader r, ResultSet row) throws SQLException {
    StringBuilder def = new StringBuilder(row.getString(3));
    if (row.getString(8) != null) {
      def.append(" COLLATE ").append(row.getString(8));
    }
    String expression = row.getString(5);
    String generated = row.getString(7);
    if (expression != null) {
      def.append(
          "s".equals(generated)
              ? " GENERATED ALWAYS AS (" + r.unqualified(expression) + ") STORED"
              : " DEFAULT " + r.unqualified(expression));
    }
    String identity = row.getString(6);
    if ("a".equals(identity)) {
      def.append(" GENERATED ALWAYS AS IDENTITY");
    } else if ("d".equals(identity)) {
      def.append(" GENERATED BY DEFAULT AS IDENTITY");
    }
    if (row.getBoolean(4)) {
      def.append(" NOT NULL");
    }
    return def.toString();
  }
}
