package dev.strata.dialect.h2.internal.schema;

import dev.strata.api.schema.SchemaModel;
import dev.strata.spi.SchemaInspector;
import dev.strata.spi.Shadow;
import dev.strata.spi.support.CatalogReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads an H2 schema from {@code INFORMATION_SCHEMA}: H2 keeps definitions in its own normalized
 * form (quoted upper-case names, {@code CAST}s in expressions), so the same SQL gives the same
 * text. Names H2 generates ({@code CONSTRAINT_8B}) are as H2 generated them: the same migrations in
 * the same order give the same names. Immutable and thread-safe.
 */
public final class H2SchemaInspector implements SchemaInspector {
  @Override
  public SchemaModel inspect(Connection connection, String schema, Set<String> ignoredTables)
      throws SQLException {
    CatalogReader reader =
        new CatalogReader(connection, schema, quote(schema) + ".", ignoredTables);
    H2Tables.read(reader);
    H2Columns.read(reader);
    H2Programs.read(reader);
    return SchemaModel.of(reader.objects(), reader.notInspected());
  }

  @Override
  public Shadow createShadow(Connection live, String schema, String name, boolean separateDatabase)
      throws SQLException {
    return H2Shadow.create(live, schema, name, separateDatabase);
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
