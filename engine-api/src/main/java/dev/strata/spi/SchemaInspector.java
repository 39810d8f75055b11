package dev.strata.spi;

import dev.strata.api.schema.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;

/**
 * Reads a schema into a {@link SchemaModel}, for {@code dump-schema} and {@code diff}; obtained
 * from {@link Dialect#schemaInspector()}. Implementations are immutable and thread-safe, only read
 * (catalog queries, {@code SHOW CREATE}) and need no privileges beyond seeing the objects.
 *
 * <p>The model must be deterministic: the same schema gives an equal model whatever order its
 * objects were created in, and definitions never carry the inspected schema's own name, so that a
 * schema and a copy of it under another name (the shadow {@code diff} builds) compare equal.
 */
public interface SchemaInspector {
  /**
   * The objects of {@code schema}, leaving out {@code ignoredTables} (Strata's own) and everything
   * belonging to them.
   *
   * @param connection a connection the engine owns; the inspector leaves its session as it found it
   */
  SchemaModel inspect(Connection connection, String schema, Set<String> ignoredTables)
      throws SQLException;

  /**
   * Creates an empty scratch database or schema named {@code name} on the server of {@code live},
   * for {@code diff} to apply the migrations to when the user names no shadow database. The default
   * cannot, and says so: such a dialect's users give one ({@code --shadow-url}).
   *
   * @param separateDatabase whether the engine can connect to another database of this server with
   *     the live connection's credentials (it was given a URL, not a {@code DataSource}); a dialect
   *     then prefers a scratch database, which migrations naming the live schema cannot reach
   * @throws SQLException when it cannot be created, e.g. for want of the privilege
   */
  default Shadow createShadow(Connection live, String schema, String name, boolean separateDatabase)
      throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "this dialect cannot create a scratch database for the comparison; give an empty database"
            + " to apply the migrations to (a shadow database)");
  }
}
