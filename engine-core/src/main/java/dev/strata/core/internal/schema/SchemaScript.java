package dev.strata.core.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.COLUMN;
import static dev.strata.api.schema.SchemaObjectType.CONSTRAINT;
import static dev.strata.api.schema.SchemaObjectType.TABLE;

import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObject;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@link SchemaModel} as the SQL file {@code dump-schema} writes: the model's order (type, table,
 * name; columns by name), one block per object headed by a comment naming it, tables with their
 * columns, constraints as {@code ALTER TABLE … ADD CONSTRAINT}, everything else as the dialect's
 * definition; no server version, host or time, so the same schema always gives the same bytes.
 */
public final class SchemaScript {
  private SchemaScript() {}

  /**
   * @param quote the dialect's identifier quoting, for the table and column names the script writes
   *     itself
   */
  public static String render(SchemaModel model, UnaryOperator<String> quote) {
    StringBuilder out = new StringBuilder();
    out.append("-- The schema as `strata dump-schema` inspects it: sorted by kind and name,")
        .append(" one object per block.\n");
    for (String gap : model.notInspected()) {
      out.append("-- Not inspected: ").append(gap).append('\n');
    }
    for (SchemaObject o : model.objects()) {
      if (o.type() == COLUMN) {
        continue;
      }
      out.append("\n-- ").append(o.describe()).append('\n');
      if (o.type() == TABLE) {
        out.append(table(model, o, quote));
      } else if (o.type() == CONSTRAINT && o.table() != null) {
        out.append("ALTER TABLE ")
            .append(quote.apply(o.table()))
            .append(" ADD CONSTRAINT ")
            .append(quote.apply(o.name()))
            .append(' ')
            .append(o.definition());
      } else {
        out.append(o.definition());
      }
      out.append(";\n");
    }
    return out.toString();
  }

  private static String table(SchemaModel model, SchemaObject table, UnaryOperator<String> quote) {
    List<SchemaObject> columns = model.objectsOf(COLUMN, table.name());
    StringBuilder out = new StringBuilder("CREATE TABLE ").append(quote.apply(table.name()));
    out.append(" (");
    for (int i = 0; i < columns.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n")
          .append("    ")
          .append(quote.apply(columns.get(i).name()))
          .append(' ')
          .append(columns.get(i).definition());
    }
    out.append(columns.isEmpty() ? ")" : "\n)");
    if (!table.definition().isEmpty()) {
      out.append(' ').append(table.definition());
    }
    return out.toString();
  }
}
