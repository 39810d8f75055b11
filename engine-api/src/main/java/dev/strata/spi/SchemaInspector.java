package dev.strata.spi;

import dev.strata.api.schema.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
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
}
