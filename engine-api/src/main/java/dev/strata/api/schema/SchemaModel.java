package dev.strata.api.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A schema as a dialect's {@link dev.strata.spi.SchemaInspector} read it: its objects in a fixed
 * order (type, table, name; see {@link SchemaObject#ORDER}) whatever order they were created in,
 * and what the dialect could not read, so that nothing missing is mistaken for absent.
 *
 * <pre>{@code
 * SchemaModel model = strata.inspectSchema();
 * model.objects(SchemaObjectType.INDEX).forEach(i -> System.out.println(i.definition()));
 * }</pre>
 */
public final class SchemaModel {
  private final List<SchemaObject> objects;
  private final List<String> notInspected;

  private SchemaModel(List<SchemaObject> objects, List<String> notInspected) {
    this.objects = objects;
    this.notInspected = notInspected;
  }

  /**
   * A model of {@code objects}, sorted.
   *
   * @param notInspected what the dialect could not read, each a sentence naming the objects (e.g.
   *     {@code aggregate functions: not inspected}); sorted too
   * @throws IllegalArgumentException when two objects are the same object
   */
  public static SchemaModel of(Collection<SchemaObject> objects, Collection<String> notInspected) {
    List<SchemaObject> sorted = new ArrayList<>(objects);
    sorted.sort(SchemaObject.ORDER);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).sameObject(sorted.get(i - 1))) {
        throw new IllegalArgumentException("Inspected twice: " + sorted.get(i).describe());
      }
    }
    return new SchemaModel(List.copyOf(sorted), List.copyOf(new TreeSet<>(notInspected)));
  }

  /** Every object, in order. */
  public List<SchemaObject> objects() {
    return objects;
  }

  /** The objects of one type, in order. */
  public List<SchemaObject> objects(SchemaObjectType type) {
    return objects.stream().filter(o -> o.type() == type).toList();
  }

  /** The objects belonging to {@code table}, in order. */
  public List<SchemaObject> objectsOf(SchemaObjectType type, String table) {
    return objects.stream().filter(o -> o.type() == type && table.equals(o.table())).toList();
  }

  /** The object of that type, table and name; {@code null} when there is none. */
  public @Nullable SchemaObject find(SchemaObjectType type, @Nullable String table, String name) {
    SchemaObject key = new SchemaObject(type, table, name, "");
    return objects.stream().filter(key::sameObject).findFirst().orElse(null);
  }

  /** What the dialect could not read, each a sentence; empty when it read everything. */
  public List<String> notInspected() {
    return notInspected;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchemaModel m
        && objects.equals(m.objects)
        && notInspected.equals(m.notInspected);
  }

  @Override
  public int hashCode() {
    return objects.hashCode() * 31 + notInspected.hashCode();
  }

  @Override
  public String toString() {
    return objects.size() + " objects" + (notInspected.isEmpty() ? "" : ", " + notInspected);
  }
}
