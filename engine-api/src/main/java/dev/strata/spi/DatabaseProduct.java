package dev.strata.spi;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * What a connection says about its database, for {@link DialectProvider#supports}.
 *
 * @param name {@link DatabaseMetaData#getDatabaseProductName()}, e.g. {@code PostgreSQL}, {@code
 *     MariaDB}, {@code H2}
 * @param version {@link DatabaseMetaData#getDatabaseProductVersion()}
 * @param majorVersion {@link DatabaseMetaData#getDatabaseMajorVersion()}
 * @param minorVersion {@link DatabaseMetaData#getDatabaseMinorVersion()}
 * @param url {@link DatabaseMetaData#getURL()}, without credentials
 */
public record DatabaseProduct(
    String name, String version, int majorVersion, int minorVersion, String url) {

  /** Reads the product from a connection's metadata. */
  public static DatabaseProduct of(DatabaseMetaData metaData) throws SQLException {
    return new DatabaseProduct(
        metaData.getDatabaseProductName(),
        metaData.getDatabaseProductVersion(),
        metaData.getDatabaseMajorVersion(),
        metaData.getDatabaseMinorVersion(),
        String.valueOf(metaData.getURL()));
  }
}
