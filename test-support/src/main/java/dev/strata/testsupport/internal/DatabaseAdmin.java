package dev.strata.testsupport.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Creates and drops the per-test databases on a server, through the server's own URL. */
public final class DatabaseAdmin {
  /** Every isolated database's name starts with this, so leftovers are easy to find. */
  public static final String PREFIX = "strata_t_";

  private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_]{1,63}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  private DatabaseAdmin() {}

  /** A fresh name: {@link #PREFIX} and 12 random lower-case letters and digits. */
  public static String newName() {
    StringBuilder sb = new StringBuilder(PREFIX);
    for (int i = 0; i < 12; i++) {
      sb.append(DIGITS[RANDOM.nextInt(DIGITS.length)]);
    }
    return sb.toString();
  }

  /** A connection to {@code url} with {@link ServerKind#connectTimeouts()} applied. */
  public static Connection connect(ServerKind kind, JdbcUrl url) throws SQLException {
    return DriverManager.getConnection(url.raw(), kind.connectTimeouts());
  }

  /** Creates database {@code name} on {@code server}. */
  public static void create(ServerKind kind, JdbcUrl server, String name) throws SQLException {
    String sql =
        kind == ServerKind.POSTGRES
            ? "CREATE DATABASE " + checked(name)
            // Explicit, so a server whose default is latin1 behaves like MySQL 8.
            : "CREATE DATABASE " + checked(name) + " CHARACTER SET utf8mb4";
    try (Connection c = connect(kind, server);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Drops database {@code name} if it exists, ending sessions still connected to it first (a test's
   * leaked connection, or a killed client's backend that is still running).
   */
  public static void drop(ServerKind kind, JdbcUrl server, String name) throws SQLException {
    try (Connection c = connect(kind, server);
        Statement s = c.createStatement()) {
      if (kind == ServerKind.POSTGRES) {
        s.execute("DROP DATABASE IF EXISTS " + checked(name) + " WITH (FORCE)");
      } else {
        killSessions(c, name);
        s.execute("DROP DATABASE IF EXISTS " + checked(name));
      }
    }
  }

  private static void killSessions(Connection c, String name) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM information_schema.processlist WHERE db = ? AND id <> connection_id()")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    for (long id : ids) {
      try (Statement s = c.createStatement()) {
        s.execute("KILL CONNECTION " + id);
      } catch (SQLException e) {
        // The session ended between the query and the KILL: nothing left to do.
      }
    }
  }

  private static String checked(String name) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a safe database name: " + name);
    }
    return name;
  }
}
