package dev.strata.api.schema;

import org.jspecify.annotations.Nullable;

/**
 * One way the live schema differs from what the migrations produce.
 *
 * @param kind missing, unexpected or changed
 * @param type the object's type
 * @param table the table it belongs to, {@code null} for an object of the schema itself
 * @param name its name
 * @param expected its definition as the migrations make it; {@code null} when {@link
 *     Kind#UNEXPECTED}
 * @param actual its definition in the live schema; {@code null} when {@link Kind#MISSING}
 */
public record SchemaDifference(
    Kind kind,
    SchemaObjectType type,
    @Nullable String table,
    String name,
    @Nullable String expected,
    @Nullable String actual) {
  /** How an object differs. */
  public enum Kind {
    /** The migrations make it; the live schema lacks it (dropped by hand). */
    MISSING,
    /** The live schema has it; the migrations never make it (added by hand). */
    UNEXPECTED,
    /** Both have it, with different definitions (changed by hand). */
    CHANGED;

    /** The kind in words: {@code missing}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public SchemaDifference {
    if ((kind == Kind.UNEXPECTED) != (expected == null)
        || (kind == Kind.MISSING) != (actual == null)) {
      throw new IllegalArgumentException(
          kind.label() + " " + type.label() + " " + name + " needs exactly the definitions it has");
    }
  }

  /** The object in words: {@code index orders.orders_open}. */
  public String object() {
    return type.label() + " " + (table == null ? name : table + "." + name);
  }

  /**
   * The difference in one sentence (definitions on lines of their own): {@code changed column
   * orders.total: expected numeric(10,2), actual numeric(12,2)}.
   */
  @Override
  public String toString() {
    return switch (kind) {
      case MISSING -> "missing " + object() + ": expected " + expected;
      case UNEXPECTED -> "unexpected " + object() + ": actual " + actual;
      case CHANGED -> "changed " + object() + ": expected " + expected + ", actual " + actual;
    };
  }
}
