package dev.strata.api;

import java.sql.Connection;
import java.util.function.UnaryOperator;

/**
 * What a {@link JavaMigration} works with. Immutable; thread-safe as far as its connection is.
 *
 * <pre>{@code
 * public void up(JavaMigrationContext context) throws SQLException {
 *   try (var s = context.connection().createStatement()) {
 *     s.executeUpdate("UPDATE " + context.quote("Order Line") + " SET total = 0");
 *   }
 * }
 * }</pre>
 *
 * @param connection the migration connection, with the migration schema current; inside the
 *     migration's transaction when it has one: do not commit or close it
 * @param schema the schema the migration runs in
 * @param quoting the connected dialect's identifier quoting ({@code dev.strata.spi.Dialect#quote}):
 *     a name, as the identifier that means exactly it ({@code "Order Line"} on PostgreSQL and H2,
 *     {@code `Order Line`} on MySQL)
 */
public record JavaMigrationContext(
    Connection connection, String schema, UnaryOperator<String> quoting) {

  /**
   * A context for code that runs outside a migration (a {@code Backfill} run by hand, a test),
   * which quotes identifiers with the quote the connection's metadata reports ({@link
   * java.sql.DatabaseMetaData#getIdentifierQuoteString()}), read when first needed.
   */
  public JavaMigrationContext(Connection connection, String schema) {
    this(connection, schema, new MetadataQuoting(connection));
  }

  /**
   * {@code identifier} quoted, embedded quotes doubled, so that it is used exactly as written (case
   * kept, any characters): the {@link #quoting} of this context.
   *
   * @throws IllegalArgumentException when the database cannot take that identifier
   */
  public String quote(String identifier) {
    return quoting.apply(identifier);
  }
}
