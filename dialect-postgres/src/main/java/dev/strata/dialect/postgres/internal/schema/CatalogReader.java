package dev.strata.dialect.postgres.internal.schema;

import dev.strata.api.schema.SchemaObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs catalog queries for one schema (their only parameter, given as {@code ?} once or more) and
 * collects objects, leaving out Strata's tables and stripping the schema's own name from
 * definitions, which {@code pg_get_indexdef} and {@code pg_get_functiondef} always qualify.
 */
final class CatalogReader {
  /** The rows of one catalog query, as objects; {@code null} for a row to leave out. */
  interface RowReader {
    @Nullable SchemaObject read(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final String schema;
  private final Set<String> ignoredTables;
  private final Pattern qualifier;
  private final List<SchemaObject> objects = new ArrayList<>();
  private final List<String> notInspected = new ArrayList<>();

  CatalogReader(Connection connection, String schema, String quotedSchema, Set<String> ignored) {
    this.connection = connection;
    this.schema = schema;
    this.ignoredTables = ignored;
    this.qualifier =
        Pattern.compile("(?<![\\w\"$.])" + Pattern.quote(quotedSchema) + "\\.(?=[\\w\"])");
  }

  /** Adds the objects {@code reader} makes of the rows of {@code sql}. */
  void add(String sql, RowReader reader) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int parameters = statement.getParameterMetaData().getParameterCount();
      for (int i = 1; i <= parameters; i++) {
        statement.setString(i, schema);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          SchemaObject o = reader.read(rows);
          if (o != null && (o.table() == null || !ignoredTables.contains(o.table()))) {
            objects.add(o);
          }
        }
      }
    }
  }

  /** Whether {@code table} is one of Strata's, whose objects are never part of the model. */
  boolean ignored(String table) {
    return ignoredTables.contains(table);
  }

  /** Records that objects of some kind were found but not read. */
  void notInspected(String what) {
    notInspected.add(what);
  }

  /** {@code definition} without the inspected schema's name before the objects it names. */
  String unqualified(String definition) {
    return qualifier.matcher(definition).replaceAll(Matcher.quoteReplacement(""));
  }

  List<SchemaObject> objects() {
    return objects;
  }

  List<String> notInspectedObjects() {
    return notInspected;
  }
}
