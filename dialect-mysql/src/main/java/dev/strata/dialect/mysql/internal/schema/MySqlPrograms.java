package dev.strata.dialect.mysql.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.FUNCTION;
import static dev.strata.api.schema.SchemaObjectType.PROCEDURE;
import static dev.strata.api.schema.SchemaObjectType.SEQUENCE;
import static dev.strata.api.schema.SchemaObjectType.TRIGGER;
import static dev.strata.api.schema.SchemaObjectType.VIEW;

import dev.strata.api.schema.SchemaObject;
import dev.strata.api.schema.SchemaObjectType;
import dev.strata.spi.support.CatalogReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Views, functions, procedures, triggers and (MariaDB) sequences, listed from {@code
 * information_schema} and defined by {@code SHOW CREATE}, without their {@code DEFINER} (who
 * created an object is not its schema) and MariaDB's sequence {@code ENGINE}.
 */
final class MySqlPrograms {
  private static final Pattern DEFINER = Pattern.compile(" DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`");

  private MySqlPrograms() {}

  /** One object to define with {@code SHOW CREATE}. */
  private record Listed(SchemaObjectType type, @Nullable String table, String name) {}

  static void read(CatalogReader r, Connection connection, String schema, boolean mariaDb)
      throws SQLException {
    List<Listed> listed = new ArrayList<>();
    r.add(
        "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
            + " AND TABLE_TYPE IN ('VIEW', 'SYSTEM VIEW', 'SEQUENCE')",
        row -> add(listed, "SEQUENCE".equals(row.getString(2)) ? SEQUENCE : VIEW, null, row));
    r.add(
        "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES"
            + " WHERE ROUTINE_SCHEMA = ?",
        row -> add(listed, "PROCEDURE".equals(row.getString(2)) ? PROCEDURE : FUNCTION, null, row));
    r.add(
        "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS"
            + " WHERE TRIGGER_SCHEMA = ?",
        row -> r.ignored(row.getString(2)) ? null : add(listed, TRIGGER, row.getString(2), row));
    r.add(
        "SELECT COUNT(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?",
        row -> {
          if (row.getInt(1) > 0) {
            r.notInspected(row.getInt(1) + " events (not compared)");
          }
          return null;
        });
    String qualifier = MySqlSchemaInspector.quote(schema) + ".";
    try (Statement s = connection.createStatement()) {
      for (Listed o : listed) {
        String show =
            "SHOW CREATE "
                + (o.type() == SchemaObjectType.VIEW
                    ? "VIEW"
                    : o.type() == SEQUENCE ? "SEQUENCE" : o.type().name())
                + " "
                + qualifier
                + MySqlSchemaInspector.quote(o.name());
        try (ResultSet rs = s.executeQuery(show)) {
          if (!rs.next()) {
            continue;
          }
          String definition = rs.getString(column(o.type()));
          if (definition == null) {
            r.notInspected(
                o.type().label()
                    + " "
                    + o.name()
                    + ": the server shows no definition to this user (not compared)");
            continue;
          }
          r.add(new SchemaObject(o.type(), o.table(), o.name(), normalized(r, o, definition)));
        }
      }
    }
  }

  private static String column(SchemaObjectType type) {
    return switch (type) {
      case VIEW -> "Create View";
      case SEQUENCE -> "Create Table";
      case FUNCTION -> "Create Function";
      case PROCEDURE -> "Create Procedure";
      default -> "SQL Original Statement";
    };
  }

  private static String normalized(CatalogReader r, Listed o, String definition) {
    String def = DEFINER.matcher(definition).replaceFirst("");
    if (o.type() == SEQUENCE) {
      def = def.replaceFirst(" ENGINE=\\w+$", "");
    }
    return r.unqualified(def.strip());
  }

  /** Lists an object to define later; makes none yet. */
  private static @Nullable SchemaObject add(
      List<Listed> listed, SchemaObjectType type, @Nullable String table, ResultSet row)
      throws SQLException {
    listed.add(new Listed(type, table, row.getString(1)));
    return null;
  }
}
