package dev.strata.dialect.postgres.internal.schema;

import dev.strata.spi.Shadow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * diff's scratch place on PostgreSQL: a database of its own where the engine can connect to one and
 * the role may create one (migrations that name the live schema, {@code public.orders}, then cannot
 * reach the live database), else a schema beside the live one.
 */
final class PostgresShadow implements Shadow {
  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

  private final @Nullable String url;
  private final String schema;
  private final String name;
  private final boolean database;

  private PostgresShadow(@Nullable String url, String schema, String name, boolean database) {
    this.url = url;
    this.schema = schema;
    this.name = name;
    this.database = database;
  }

  static Shadow create(Connection live, String schema, String name, boolean separateDatabase)
      throws SQLException {
    Matcher url = URL.matcher(live.getMetaData().getURL());
    if (separateDatabase && url.matches() && mayCreateDatabases(live)) {
      execute(live, "CREATE DATABASE " + quote(name));
      return new PostgresShadow(url.group(1) + name + url.group(3), schema, name, true);
    }
    execute(live, "CREATE SCHEMA " + quote(name));
    return new PostgresShadow(null, name, name, false);
  }

  private static boolean mayCreateDatabases(Connection live) throws SQLException {
    try (Statement s = live.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT rolcreatedb OR rolsuper FROM pg_catalog.pg_roles"
                    + " WHERE rolname = current_user")) {
      return rs.next() && rs.getBoolean(1);
    }
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
    return (database ? "scratch database " : "scratch schema ") + name;
  }

  @Override
  public void drop(Connection live) throws SQLException {
    execute(
        live,
        database
            ? "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)"
            : "DROP SCHEMA IF EXISTS " + quote(name) + " CASCADE");
  }

  private static void execute(Connection live, String sql) throws SQLException {
    boolean autoCommit = live.getAutoCommit();
    // CREATE and DROP DATABASE refuse to run inside a transaction block.
    live.setAutoCommit(true);
    try (Statement s = live.createStatement()) {
      s.execute(sql);
    } finally {
      live.setAutoCommit(autoCommit);
    }
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
