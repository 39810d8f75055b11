package dev.strata.dialect.postgres.internal.schema;

import dev.strata.api.schema.SchemaModel;
import dev.strata.spi.SchemaInspector;
import dev.strata.spi.Shadow;
import dev.strata.spi.support.CatalogReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog}, with no privilege beyond seeing it: columns
 * through {@code format_type} and {@code pg_get_expr}, constraints, indexes, views, functions and
 * triggers through the server's {@code pg_get_*def}, which print the normalized definition the
 * server itself keeps (so the same SQL, however formatted, gives the same text). The queries run in
 * one read-only transaction with {@code search_path} set to the schema alone, so that definitions
 * name its objects unqualified. Immutable and thread-safe.
 */
public final class PostgresSchemaInspector implements SchemaInspector {
  @Override
  public SchemaModel inspect(Connection connection, String schema, Set<String> ignoredTables)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (var statement = connection.createStatement()) {
        statement.execute("SET TRANSACTION READ ONLY");
      }
      String quoted;
      try (PreparedStatement s =
          connection.prepareStatement(
              "SELECT quote_ident(?), set_config('search_path', quote_ident(?), true)")) {
        s.setString(1, schema);
        s.setString(2, schema);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          quoted = rs.getString(1);
        }
      }
      CatalogReader reader = new CatalogReader(connection, schema, quoted + ".", ignoredTables);
      PostgresTypes.read(reader);
      PostgresRelations.read(reader);
      PostgresRoutines.read(reader);
      PostgresComments.read(reader);
      return SchemaModel.of(reader.objects(), reader.notInspected());
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  @Override
  public Shadow createShadow(Connection live, String schema, String name, boolean separateDatabase)
      throws SQLException {
    return PostgresShadow.create(live, schema, name, separateDatabase);
  }
}
