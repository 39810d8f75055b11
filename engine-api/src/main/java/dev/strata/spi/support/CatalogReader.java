package dev.strata.spi.support;

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
 * Collects a {@link dev.strata.spi.SchemaInspector}'s objects from catalog queries about one
 * schema: runs each query with the schema's name for every {@code ?}, leaves out the objects of
 * Strata's own tables, strips the schema's name from definitions ({@link #unqualified}) and records
 * what was found but not read. One per inspection; not thread-safe.
 *
 * <pre>{@code
 * CatalogReader r = new CatalogReader(connection, schema, "\"" + schema + "\".", ignoredTables);
 * r.add("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
 *     row -> SchemaObject.of(SchemaObjectType.TABLE, row.getString(1), ""));
 * return SchemaModel.of(r.objects(), r.notInspected());
 * }</pre>
 */
public final class CatalogReader {
  /** Makes an object of one row of a catalog query; {@code null} for a row to leave out. */
  @FunctionalInterface
  public interface RowReader {
    @Nullable SchemaObject read(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final String schema;
  private final Set<String> ignoredTables;
  private final Pattern qualifier;
  private final List<SchemaObject> objects = new ArrayList<>();
  private final List<String> notInspected = new ArrayList<>();

  /**
   * @param qualifier how definitions name the schema before an object's name, such as {@code
   *     public.} or {@code `shop`.}
   * @param ignoredTables Strata's tables, whose objects (those with one of them as {@link
   *     SchemaObject#table()}) are left out
   */
  public CatalogReader(
      Connection connection, String schema, String qualifier, Set<String> ignoredTables) {
    this.connection = connection;
    this.schema = schema;
    this.ignoredTables = Set.copyOf(ignoredTables);
    this.qualifier = Pattern.compile("(?<![\\w\"`$.])" + Pattern.quote(qualifier));
  }

  /** Adds the objects {@code reader} makes of the rows of {@code sql}. */
  public void add(String sql, RowReader reader) throws SQLException {
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

  /** Adds one object made without a query. */
  public void add(SchemaObject object) {
    if (object.table() == null || !ignoredTables.contains(object.table())) {
      objects.add(object);
    }
  }

  /** Whether {@code table} is one of Strata's, whose objects are never part of the model. */
  public boolean ignored(String table) {
    return ignoredTables.contains(table);
  }

  /** Records that objects of some kind were found but not read, as a sentence naming them. */
  public void notInspected(String what) {
    notInspected.add(what);
  }

  /** {@code definition} without the schema's name before the objects it names. */
  public String unqualified(String definition) {
    return qualifier.matcher(definition).replaceAll(Matcher.quoteReplacement(""));
  }

  /** The objects added so far. */
  public List<SchemaObject> objects() {
    return List.copyOf(objects);
  }

  /** What was found but not read. */
  public List<String> notInspected() {
    return List.copyOf(notInspected);
  }
}
