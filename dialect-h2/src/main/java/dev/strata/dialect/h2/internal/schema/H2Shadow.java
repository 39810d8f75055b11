package dev.strata.dialect.h2.internal.schema;

import dev.strata.spi.Shadow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * diff's scratch place on H2: an in-memory database with the live one's compatibility mode and
 * identifier case, which H2 drops when the engine closes its last connection to it; a schema beside
 * the live one where the engine cannot connect to another database.
 */
final class H2Shadow implements Shadow {
  private final @Nullable String url;
  private final String schema;
  private final String name;

  private H2Shadow(@Nullable String url, String schema, String name) {
    this.url = url;
    this.schema = schema;
    this.name = name;
  }

  static Shadow create(Connection live, String schema, String name, boolean separateDatabase)
      throws SQLException {
    if (!separateDatabase) {
      try (Statement s = live.createStatement()) {
        s.execute("CREATE SCHEMA " + H2SchemaInspector.quote(name));
      }
      return new H2Shadow(null, name, name);
    }
    StringBuilder url = new StringBuilder("jdbc:h2:mem:").append(name);
    try (Statement s = live.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE"
                    + " SETTING_NAME IN ('MODE', 'DATABASE_TO_LOWER', 'DATABASE_TO_UPPER',"
                    + " 'CASE_INSENSITIVE_IDENTIFIERS') ORDER BY SETTING_NAME")) {
      while (rs.next()) {
        url.append(';').append(rs.getString(1)).append('=').append(rs.getString(2));
      }
    }
    return new H2Shadow(url.toString(), schema, name);
  }

  @Override
  public @Nullable String url() {
    return url;
  }

  @Override
  public String schema() {
    return schema;
  }

  @Override
  public String description() {
    return (url != null ? "in-memory database " : "scratch schema ") + name;
  }

  @Override
  public void drop(Connection live) throws SQLException {
    if (url == null) {
      try (Statement s = live.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + H2SchemaInspector.quote(name) + " CASCADE");
      }
    }
    // An in-memory database is gone once the engine has closed its last connection to it.
  }
}
