package dev.strata.dialect.postgres.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.COMPOSITE_TYPE;
import static dev.strata.api.schema.SchemaObjectType.DOMAIN;
import static dev.strata.api.schema.SchemaObjectType.ENUM_TYPE;
import static dev.strata.api.schema.SchemaObjectType.EXTENSION;
import static dev.strata.dialect.postgres.internal.schema.PostgresRelations.notOfExtension;

import dev.strata.api.schema.SchemaObject;
import dev.strata.spi.support.CatalogReader;
import java.sql.SQLException;

/** Enum types, domains, composite types and extensions. */
final class PostgresTypes {
  private static final String TYPES_IN_SCHEMA =
      " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
          + " WHERE n.nspname = ?";

  private PostgresTypes() {}

  static void read(CatalogReader r) throws SQLException {
    r.add(
        "SELECT t.typname, 'CREATE TYPE ' || quote_ident(t.typname) || ' AS ENUM ('"
            + " || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
            + " FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) || ')'"
            + TYPES_IN_SCHEMA
            + " AND t.typtype = 'e'"
            + notOfExtension("pg_type", "t.oid"),
        row -> SchemaObject.of(ENUM_TYPE, row.getString(1), row.getString(2)));
    r.add(
        "SELECT t.typname, 'CREATE DOMAIN ' || quote_ident(t.typname) || ' AS '"
            + " || pg_catalog.format_type(t.typbasetype, t.typtypmod)"
            + " || COALESCE(' COLLATE ' || (SELECT quote_ident(co.collname)"
            + " FROM pg_catalog.pg_collation co WHERE co.oid = t.typcollation"
            + " AND t.typcollation <> (SELECT b.typcollation FROM pg_catalog.pg_type b"
            + " WHERE b.oid = t.typbasetype)), '')"
            + " || COALESCE(' DEFAULT ' || t.typdefault, '')"
            + " || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END"
            + " || COALESCE((SELECT string_agg(' CONSTRAINT ' || quote_ident(k.conname) || ' '"
            + " || pg_catalog.pg_get_constraintdef(k.oid, true), '' ORDER BY k.conname)"
            + " FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid), '')"
            + TYPES_IN_SCHEMA
            + " AND t.typtype = 'd'"
            + notOfExtension("pg_type", "t.oid"),
        row -> SchemaObject.of(DOMAIN, row.getString(1), r.unqualified(row.getString(2))));
    r.add(
        "SELECT t.typname, 'CREATE TYPE ' || quote_ident(t.typname) || ' AS ('"
            + " || (SELECT string_agg(quote_ident(a.attname) || ' '"
            + " || pg_catalog.format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)"
            + " FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0"
            + " AND NOT a.attisdropped) || ')'"
            + TYPES_IN_SCHEMA
            + " AND t.typtype = 'c'"
            + " AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c'"
            + notOfExtension("pg_type", "t.oid"),
        row -> SchemaObject.of(COMPOSITE_TYPE, row.getString(1), r.unqualified(row.getString(2))));
    r.add(
        "SELECT count(*)"
            + TYPES_IN_SCHEMA
            + " AND t.typtype IN ('r', 'b') AND t.typelem = 0 AND t.typrelid = 0"
            + notOfExtension("pg_type", "t.oid"),
        row -> {
          if (row.getInt(1) > 0) {
            r.notInspected(row.getInt(1) + " range or base types (not compared)");
          }
          return null;
        });
    // Extensions belong to the database, not to a schema; plpgsql is in every database.
    r.add(
        "SELECT x.extname, 'CREATE EXTENSION ' || quote_ident(x.extname)"
            + " FROM pg_catalog.pg_extension x WHERE x.extname <> 'plpgsql' AND CAST(? AS text) IS NOT NULL",
        row -> SchemaObject.of(EXTENSION, row.getString(1), row.getString(2)));
  }
}
