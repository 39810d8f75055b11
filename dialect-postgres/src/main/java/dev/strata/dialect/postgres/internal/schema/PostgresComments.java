package dev.strata.dialect.postgres.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.COMMENT;

import dev.strata.api.schema.SchemaObject;
import dev.strata.spi.support.CatalogReader;
import java.sql.SQLException;

/**
 * Comments ({@code COMMENT ON}), each named by what it is on, as {@code COMMENT ON} names it: on
 * relations and their columns, constraints, triggers, functions, procedures, types, extensions.
 */
final class PostgresComments {
  private PostgresComments() {}

  static void read(CatalogReader r) throws SQLException {
    String relation =
        "CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'"
            + " WHEN 'S' THEN 'SEQUENCE' WHEN 'i' THEN 'INDEX' WHEN 'I' THEN 'INDEX'"
            + " WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END";
    r.add(
        "SELECT c.relname, CASE WHEN d.objsubid = 0 THEN "
            + relation
            + " || ' ' || quote_ident(c.relname) ELSE 'COLUMN ' || quote_ident(c.relname) || '.'"
            + " || quote_ident(a.attname) END, quote_literal(d.description)"
            + " FROM pg_catalog.pg_description d JOIN pg_catalog.pg_class c ON c.oid = d.objoid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid"
            + " WHERE d.classoid = 'pg_class'::regclass AND n.nspname = ?"
            + " AND (c.relkind NOT IN ('i', 'I') OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index x"
            + " WHERE x.indexrelid = c.oid AND x.indrelid IN (SELECT e.objid"
            + " FROM pg_catalog.pg_depend e WHERE e.deptype = 'e')))",
        row -> r.ignored(row.getString(1)) ? null : comment(row.getString(2), row.getString(3)));
    r.add(
        "SELECT c.relname, 'CONSTRAINT ' || quote_ident(k.conname) || ' ON '"
            + " || quote_ident(c.relname), quote_literal(d.description)"
            + " FROM pg_catalog.pg_description d JOIN pg_catalog.pg_constraint k ON k.oid = d.objoid"
            + " JOIN pg_catalog.pg_class c ON c.oid = k.conrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE d.classoid = 'pg_constraint'::regclass AND n.nspname = ?",
        row -> r.ignored(row.getString(1)) ? null : comment(row.getString(2), row.getString(3)));
    r.add(
        "SELECT c.relname, 'TRIGGER ' || quote_ident(t.tgname) || ' ON '"
            + " || quote_ident(c.relname), quote_literal(d.description)"
            + " FROM pg_catalog.pg_description d JOIN pg_catalog.pg_trigger t ON t.oid = d.objoid"
            + " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE d.classoid = 'pg_trigger'::regclass AND n.nspname = ?",
        row -> r.ignored(row.getString(1)) ? null : comment(row.getString(2), row.getString(3)));
    r.add(
        "SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END"
            + " || quote_ident(p.proname) || '(' || pg_catalog.pg_get_function_identity_arguments("
            + "p.oid) || ')', quote_literal(d.description)"
            + " FROM pg_catalog.pg_description d JOIN pg_catalog.pg_proc p ON p.oid = d.objoid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE d.classoid = 'pg_proc'::regclass AND n.nspname = ?"
            + PostgresRelations.notOfExtension("pg_proc", "p.oid"),
        row -> comment(row.getString(1), row.getString(2)));
    r.add(
        "SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END"
            + " || quote_ident(t.typname), quote_literal(d.description)"
            + " FROM pg_catalog.pg_description d JOIN pg_catalog.pg_type t ON t.oid = d.objoid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE d.classoid = 'pg_type'::regclass AND n.nspname = ?"
            + PostgresRelations.notOfExtension("pg_type", "t.oid"),
        row -> comment(row.getString(1), row.getString(2)));
    r.add(
        "SELECT 'EXTENSION ' || quote_ident(x.extname), quote_literal(d.description)"
            + " FROM pg_catalog.pg_description d JOIN pg_catalog.pg_extension x ON x.oid = d.objoid"
            + " WHERE d.classoid = 'pg_extension'::regclass AND x.extname <> 'plpgsql'"
            + " AND CAST(? AS text) IS NOT NULL",
        row -> comment(row.getString(1), row.getString(2)));
  }

  private static SchemaObject comment(String on, String text) {
    return SchemaObject.of(COMMENT, on, "COMMENT ON " + on + " IS " + text);
  }
}
