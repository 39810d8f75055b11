package dev.strata.dialect.h2.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.DOMAIN;
import static dev.strata.api.schema.SchemaObjectType.FUNCTION;
import static dev.strata.api.schema.SchemaObjectType.PROCEDURE;
import static dev.strata.api.schema.SchemaObjectType.SEQUENCE;
import static dev.strata.api.schema.SchemaObjectType.TRIGGER;
import static dev.strata.api.schema.SchemaObjectType.VIEW;
import static dev.strata.dialect.h2.internal.schema.H2SchemaInspector.literal;
import static dev.strata.dialect.h2.internal.schema.H2SchemaInspector.quote;

import dev.strata.api.schema.SchemaObject;
import dev.strata.spi.support.CatalogReader;
import java.sql.SQLException;

/** Views, sequences, domains, Java functions (aliases) and triggers. */
final class H2Programs {
  private H2Programs() {}

  static void read(CatalogReader r) throws SQLException {
    r.add(
        "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ?",
        row ->
            SchemaObject.of(
                VIEW,
                row.getString(1),
                "CREATE VIEW "
                    + quote(row.getString(1))
                    + " AS\n"
                    + r.unqualified(row.getString(2).strip())));
    r.add(
        "SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE,"
            + " CACHE, CYCLE_OPTION FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?"
            // An identity column's sequence is part of the column.
            + " AND SEQUENCE_NAME NOT LIKE 'SYSTEM\\_SEQUENCE\\_%' ESCAPE '\\'",
        row ->
            SchemaObject.of(
                SEQUENCE,
                row.getString(1),
                "CREATE SEQUENCE "
                    + quote(row.getString(1))
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
                    + ("YES".equals(row.getString(8)) ? " CYCLE" : "")));
    r.add(
        "SELECT d.DOMAIN_NAME, d.DATA_TYPE, d.DOMAIN_DEFAULT,"
            + " (SELECT LISTAGG(' CONSTRAINT \"' || c.CONSTRAINT_NAME || '\" CHECK ('"
            + " || x.CHECK_CLAUSE || ')', '') WITHIN GROUP (ORDER BY c.CONSTRAINT_NAME)"
            + " FROM INFORMATION_SCHEMA.DOMAIN_CONSTRAINTS c"
            + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS x"
            + " ON x.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND x.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
            + " WHERE c.DOMAIN_SCHEMA = d.DOMAIN_SCHEMA AND c.DOMAIN_NAME = d.DOMAIN_NAME)"
            + " FROM INFORMATION_SCHEMA.DOMAINS d WHERE d.DOMAIN_SCHEMA = ?",
        row ->
            SchemaObject.of(
                DOMAIN,
                row.getString(1),
                "CREATE DOMAIN "
                    + quote(row.getString(1))
                    + " AS "
                    + row.getString(2)
                    + (row.getString(3) == null ? "" : " DEFAULT " + row.getString(3))
                    + (row.getString(4) == null ? "" : r.unqualified(row.getString(4)))));
    r.add(
        "SELECT r.ROUTINE_NAME || '(' || COALESCE((SELECT LISTAGG(p.DATA_TYPE, ', ')"
            + " WITHIN GROUP (ORDER BY p.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.PARAMETERS p"
            + " WHERE p.SPECIFIC_SCHEMA = r.SPECIFIC_SCHEMA AND p.SPECIFIC_NAME = r.SPECIFIC_NAME),"
            + " '') || ')', r.ROUTINE_TYPE, r.ROUTINE_NAME, r.EXTERNAL_NAME, r.ROUTINE_DEFINITION,"
            + " r.IS_DETERMINISTIC"
            + " FROM INFORMATION_SCHEMA.ROUTINES r WHERE r.ROUTINE_SCHEMA = ?",
        row ->
            SchemaObject.of(
                "PROCEDURE".equals(row.getString(2)) ? PROCEDURE : FUNCTION,
                row.getString(1),
                "CREATE ALIAS "
                    + quote(row.getString(3))
                    + ("YES".equals(row.getString(6)) ? " DETERMINISTIC" : "")
                    + (row.getString(4) != null
                        ? " FOR " + literal(row.getString(4))
                        : " AS " + literal(row.getString(5)))));
    r.add(
        "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION,"
            + " ACTION_ORIENTATION, JAVA_CLASS, QUEUE_SIZE, NO_WAIT"
            + " FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
        row ->
            SchemaObject.ofTable(
                TRIGGER,
                row.getString(2),
                row.getString(1),
                "CREATE TRIGGER "
                    + quote(row.getString(1))
                    + " "
                    + row.getString(3)
                    + " "
                    + row.getString(4)
                    + " ON "
                    + quote(row.getString(2))
                    + " FOR EACH "
                    + row.getString(5)
                    + " QUEUE "
                    + row.getInt(7)
                    + (row.getBoolean(8) ? " NOWAIT" : "")
                    + " CALL "
                    + literal(row.getString(6))));
  }
}
