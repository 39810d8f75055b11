package dev.strata.api;

import java.sql.Connection;

/**
 * What a {@link JavaMigration} works with.
 *
 * @param connection the migration connection, with the migration schema current; inside the
 *     migration's transaction when it has one: do not commit or close it
 * @param schema the schema the migration runs in
 */
public record JavaMigrationContext(Connection connection, String schema) {}
