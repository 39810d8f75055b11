package dev.strata.dialect.mysql.internal.schema;

import dev.strata.spi.Shadow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * diff's scratch place on MySQL and MariaDB: a database (MySQL's schema) on the live server, with
 * the live database's default character set and collation, so that columns declared without one get
 * the same as live.
 */
final class MySqlShadow implements Shadow {
  private final String name;

  private MySqlShadow(String name) {
    this.name = name;
  }

  static Shadow create(Connection live, String schema, String name) throws SQLException {
    String defaults = "";
    try (PreparedStatement s =
        live.prepareStatement(
            "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
      s.setString(1, schema);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          defaults = " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2);
        }
      }
    }
    try (Statement s = live.createStatement()) {
      s.execute("CREATE DATABASE " + MySqlSchemaInspector.quote(name) + defaults);
    }
    return new MySqlShadow(name);
  }

  @Override
  public @Nullable String url() {
    return null;
  }

  @Override
  public String schema() {
    return name;
  }

  @Override
  public String description() {
    return "scratch database " + name;
  }

  @Override
  public void drop(Connection live) throws SQLException {
    try (Statement s = live.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + MySqlSchemaInspector.quote(name));
    }
  }
}
