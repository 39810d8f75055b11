package dev.strata.dialect.postgres.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.FUNCTION;
import static dev.strata.api.schema.SchemaObjectType.PROCEDURE;
import static dev.strata.api.schema.SchemaObjectType.TRIGGER;
import static dev.strata.dialect.postgres.internal.schema.PostgresRelations.notOfExtension;

import dev.strata.api.schema.SchemaObject;
import dev.strata.spi.support.CatalogReader;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Functions, procedures and triggers, as {@code pg_get_functiondef} and kin print them. */
final class PostgresRoutines {
  private PostgresRoutines() {}

  static void read(CatalogReader r) throws SQLException {
    r.add(
        "SELECT p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',"
            + " p.prokind, pg_catalog.pg_get_functiondef(p.oid)"
            + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname = ? AND p.prokind IN ('f', 'p')"
            + notOfExtension("pg_proc", "p.oid")
            // A range type's constructors belong to the type.
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i"
            + " WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i')",
        row ->
            SchemaObject.of(
                "p".equals(row.getString(2)) ? PROCEDURE : FUNCTION,
                row.getString(1),
                r.unqualified(row.getString(3).strip())));
    // pg_get_functiondef cannot print aggregates and window functions: say so rather than omit.
    r.add(
        "SELECT count(*) FROM pg_catalog.pg_proc p"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname = ? AND p.prokind IN ('a', 'w')"
            + notOfExtension("pg_proc", "p.oid"),
        row -> {
          if (row.getInt(1) > 0) {
            r.notInspected(row.getInt(1) + " aggregate or window functions (not compared)");
          }
          return null;
        });
    r.add(
        "SELECT c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled,"
            + " quote_ident(c.relname), quote_ident(t.tgname)"
            + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND NOT t.tgisinternal"
            // A partition's clone of its parent's trigger is the parent's.
            + " AND t.tgparentid = 0",
        row -> SchemaObject.ofTable(TRIGGER, row.getString(1), row.getString(2), trigger(r, row)));
  }

  private static String trigger(CatalogReader r, ResultSet row) throws SQLException {
    String def = r.unqualified(row.getString(3));
    String state =
        switch (row.getString(4)) {
          case "D" -> "DISABLE";
          case "R" -> "ENABLE REPLICA";
          case "A" -> "ENABLE ALWAYS";
          default -> null;
        };
    return state == null
        ? def
        : def + ";\nALTER TABLE " + row.getString(5) + " " + state + " TRIGGER " + row.getString(6);
  }
}
