package dev.strata.core.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.TABLE;

import dev.strata.api.schema.SchemaDifference;
import dev.strata.api.schema.SchemaDifference.Kind;
import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The differences between two models, each object once: an object only the expected model has is
 * missing, one only the live model has is unexpected, one both have with other definitions is
 * changed. A table missing or unexpected as a whole is one difference, not one more for each of its
 * columns, constraints, indexes and triggers.
 */
public final class SchemaComparison {
  private SchemaComparison() {}

  public static List<SchemaDifference> compare(SchemaModel expected, SchemaModel actual) {
    TreeMap<SchemaObject, SchemaObject[]> pairs = new TreeMap<>(SchemaObject.ORDER);
    for (SchemaObject o : expected.objects()) {
      pairs.computeIfAbsent(o, k -> new SchemaObject[2])[0] = o;
    }
    for (SchemaObject o : actual.objects()) {
      pairs.computeIfAbsent(o, k -> new SchemaObject[2])[1] = o;
    }
    Set<String> missingTables = tablesOnlyIn(expected, actual);
    Set<String> unexpectedTables = tablesOnlyIn(actual, expected);
    List<SchemaDifference> differences = new ArrayList<>();
    for (SchemaObject[] pair : pairs.values()) {
      SchemaObject e = pair[0];
      SchemaObject a = pair[1];
      if (a == null) {
        if (e.table() == null || !missingTables.contains(e.table())) {
          differences.add(difference(Kind.MISSING, e, e.definition(), null));
        }
      } else if (e == null) {
        if (a.table() == null || !unexpectedTables.contains(a.table())) {
          differences.add(difference(Kind.UNEXPECTED, a, null, a.definition()));
        }
      } else if (!e.definition().equals(a.definition())) {
        differences.add(difference(Kind.CHANGED, e, e.definition(), a.definition()));
      }
    }
    return differences;
  }

  private static Set<String> tablesOnlyIn(SchemaModel one, SchemaModel other) {
    return one.objects(TABLE).stream()
        .map(SchemaObject::name)
        .filter(t -> other.find(TABLE, null, t) == null)
        .collect(Collectors.toSet());
  }

  private static SchemaDifference difference(
      Kind kind, SchemaObject o, @Nullable String expected, @Nullable String actual) {
    return new SchemaDifference(kind, o.type(), o.table(), o.name(), expected, actual);
  }
}
