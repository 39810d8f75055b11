package dev.strata.junit.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MySQL and MariaDB: the template is a schema of its own, migrated once; its definition is read
 * back once ({@code SHOW CREATE} of every table, sequence, view, routine and trigger), and each
 * copy is a new schema built from those statements, the tables' rows copied with {@code INSERT ...
 * SELECT} (triggers created after the rows, so they do not fire). A copy is dropped with {@code
 * DROP DATABASE}. Not copied: events, and a sequence's position.
 */
final class MySqlTemplate implements Template {
  private static final AtomicLong NEXT = new AtomicLong();
  private static final String RUN =
      UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

  private final ServerUrl server;
  private final String template;
  private final Connection admin;
  private final String charset;
  private final List<String> tables = new ArrayList<>();
  private final List<String> views = new ArrayList<>();
  private final List<String> late = new ArrayList<>();

  private MySqlTemplate(ServerUrl server, String template, Connection admin) throws SQLException {
    this.server = server;
    this.template = template;
    this.admin = admin;
    try (PreparedStatement ps =
        admin.prepareStatement(
            "SELECT default_character_set_name, default_collation_name"
                + " FROM information_schema.schemata WHERE schema_name = ?")) {
      ps.setString(1, template);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        charset = " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2);
      }
    }
  }

  static MySqlTemplate migrate(ServerUrl server, DatabaseSpec spec) throws Exception {
    Connection admin = DriverManager.getConnection(server.withDatabase(server.database()));
    String name = "strata_template_" + RUN + "_" + NEXT.incrementAndGet();
    try (Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      admin.close();
      throw e;
    }
    MySqlTemplate template = new MySqlTemplate(server, name, admin);
    try {
      DatabaseCopy target = new DatabaseCopy(server.withDatabase(name), () -> {});
      Template.migrate(spec, target.dataSource());
      template.readDefinition();
    } catch (Exception e) {
      try {
        template.close();
      } catch (Exception cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return template;
  }

  private void readDefinition() throws SQLException {
    for (String[] row :
        query(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ?"
                + " ORDER BY table_name")) {
      String table = row[0];
      String qualified = quote(template) + "." + quote(table);
      switch (row[1]) {
        case "VIEW" -> views.add(unqualified(show("SHOW CREATE VIEW " + qualified, 2)));
        case "SEQUENCE" -> tables.add(show("SHOW CREATE SEQUENCE " + qualified, 2));
        default -> {
          tables.add(show("SHOW CREATE TABLE " + qualified, 2));
          List<String> columns = new ArrayList<>();
          try (PreparedStatement ps =
              admin.prepareStatement(
                  "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND"
                      + " table_name = ? AND COALESCE(generation_expression, '') = ''"
                      + " ORDER BY ordinal_position")) {
            ps.setString(1, template);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                columns.add(quote(rs.getString(1)));
              }
            }
          }
          if (hasRows(qualified)) {
            String list = String.join(", ", columns);
            tables.add(
                "INSERT INTO "
                    + quote(table)
                    + " ("
                    + list
                    + ") SELECT "
                    + list
                    + " FROM "
                    + qualified);
          }
        }
      }
    }
    for (String[] row :
        query(
            "SELECT routine_name, routine_type FROM information_schema.routines"
                + " WHERE routine_schema = ? ORDER BY routine_name")) {
      late.add(
          unqualified(
              show("SHOW CREATE " + row[1] + " " + quote(template) + "." + quote(row[0]), 3)));
    }
    for (String[] row :
        query(
            "SELECT trigger_name, '' FROM information_schema.triggers WHERE trigger_schema = ?"
                + " ORDER BY action_order")) {
      late.add(
          unqualified(show("SHOW CREATE TRIGGER " + quote(template) + "." + quote(row[0]), 3)));
    }
  }

  @Override
  public DatabaseCopy copy() throws SQLException {
    String name = "strata_test_" + RUN + "_" + NEXT.incrementAndGet();
    synchronized (admin) {
      try (Statement s = admin.createStatement()) {
        s.execute("CREATE DATABASE " + name + charset);
        try {
          s.execute("USE " + name);
          s.execute("SET SESSION foreign_key_checks = 0");
          for (String sql : tables) {
            s.execute(sql);
          }
          createViews(s);
          for (String sql : late) {
            s.execute(sql);
          }
        } catch (SQLException e) {
          try {
            s.execute("DROP DATABASE IF EXISTS " + name);
          } catch (SQLException cleanup) {
            e.addSuppressed(cleanup);
          }
          throw e;
        } finally {
          s.execute("SET SESSION foreign_key_checks = 1");
          s.execute("USE " + template);
        }
      }
    }
    return new DatabaseCopy(server.withDatabase(name), () -> drop(name));
  }

  /** Views in an order where each one's views exist: retried while any succeeds. */
  private void createViews(Statement s) throws SQLException {
    List<String> pending = new ArrayList<>(views);
    while (!pending.isEmpty()) {
      int before = pending.size();
      SQLException last = null;
      for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
        try {
          s.execute(it.next());
          it.remove();
        } catch (SQLException e) {
          last = e;
        }
      }
      if (last != null && pending.size() == before) {
        throw last;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try (admin) {
      drop(template);
    }
  }

  private void drop(String name) throws SQLException {
    synchronized (admin) {
      try (Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
      }
    }
  }

  private List<String[]> query(String sql) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (PreparedStatement ps = admin.prepareStatement(sql)) {
      ps.setString(1, template);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return rows;
  }

  private String show(String sql, int column) throws SQLException {
    try (Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(column);
    }
  }

  private boolean hasRows(String qualified) throws SQLException {
    try (Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 FROM " + qualified + " LIMIT 1")) {
      return rs.next();
    }
  }

  /** Names in the template's schema, written without it, so that they resolve in the copy. */
  private String unqualified(String sql) {
    return sql.replace(quote(template) + ".", "");
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
