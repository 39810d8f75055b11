package dev.strata.dialect.mysql.internal.schema;

import dev.strata.api.schema.SchemaModel;
import dev.strata.spi.SchemaInspector;
import dev.strata.spi.Shadow;
import dev.strata.spi.support.CatalogReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads a MySQL or MariaDB database (a schema, in Strata's words) from {@code information_schema},
 * with {@code SHOW CREATE} for views, routines, triggers and sequences; needs no privilege beyond
 * seeing the objects (a routine the user may not see the body of is reported as not inspected).
 * Definitions are written as {@code SHOW CREATE TABLE} writes them, without {@code AUTO_INCREMENT}
 * counters, {@code DEFINER}s and the database's own name. Immutable and thread-safe.
 */
public final class MySqlSchemaInspector implements SchemaInspector {
  private final boolean mariaDb;

  public MySqlSchemaInspector(boolean mariaDb) {
    this.mariaDb = mariaDb;
  }

  @Override
  public SchemaModel inspect(Connection connection, String schema, Set<String> ignoredTables)
      throws SQLException {
    CatalogReader reader =
        new CatalogReader(connection, schema, quote(schema) + ".", ignoredTables);
    // MySQL before 8 has neither functional index parts nor CHECK_CONSTRAINTS (it ignores CHECK).
    boolean mySql8 = !mariaDb && connection.getMetaData().getDatabaseMajorVersion() >= 8;
    MySqlTables.read(reader, schema, mariaDb, mySql8);
    MySqlPrograms.read(reader, connection, schema, mariaDb);
    return SchemaModel.of(reader.objects(), reader.notInspected());
  }

  @Override
  public Shadow createShadow(Connection live, String schema, String name, boolean separateDatabase)
      throws SQLException {
    return MySqlShadow.create(live, schema, name);
  }

  static String quote(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
