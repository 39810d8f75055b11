package dev.strata.api.schema;

import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One object of a {@link SchemaModel}.
 *
 * @param type what kind of object it is
 * @param table the table it belongs to (columns, constraints, indexes, triggers), {@code null} for
 *     an object of the schema itself
 * @param name its name as the server reports it, server-generated names included ({@code
 *     orders_pkey}, {@code orders_ibfk_1}); a function's or procedure's is its signature, a
 *     comment's names what it is on ({@code COLUMN orders.total})
 * @param definition its normalized definition, compared as text: two objects are the same when
 *     their definitions are equal
 */
public record SchemaObject(
    SchemaObjectType type, @Nullable String table, String name, String definition) {
  /** The order of a {@link SchemaModel}: by type, then table, then name. */
  public static final Comparator<SchemaObject> ORDER =
      Comparator.comparing(SchemaObject::type)
          .thenComparing(o -> o.table() == null ? "" : o.table())
          .thenComparing(SchemaObject::name);

  public SchemaObject {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("A schema object needs a name: " + type.label());
    }
    if (table != null && table.isEmpty()) {
      throw new IllegalArgumentException("An empty table name for " + type.label() + " " + name);
    }
  }

  /** An object of the schema itself, not of a table. */
  public static SchemaObject of(SchemaObjectType type, String name, String definition) {
    return new SchemaObject(type, null, name, definition);
  }

  /** An object of table {@code table}. */
  public static SchemaObject ofTable(
      SchemaObjectType type, String table, String name, String definition) {
    return new SchemaObject(type, table, name, definition);
  }

  /** Whether {@code other} is the same object (type, table and name), whatever its definition. */
  public boolean sameObject(SchemaObject other) {
    return type == other.type
        && name.equals(other.name)
        && (table == null ? other.table == null : table.equals(other.table));
  }

  /** The object in words, as messages name it: {@code column orders.total}. */
  public String describe() {
    return type.label() + " " + (table == null ? name : table + "." + name);
  }
}
