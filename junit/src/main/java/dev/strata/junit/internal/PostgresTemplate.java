package dev.strata.junit.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL: the template is a database of its own, migrated once; each copy is {@code CREATE
 * DATABASE ... TEMPLATE} of it, which copies its files without replaying anything, and is dropped
 * with {@code DROP DATABASE ... WITH (FORCE)} (a test may leave connections open).
 */
final class PostgresTemplate implements Template {
  private static final AtomicLong NEXT = new AtomicLong();
  private static final String RUN =
      UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

  private final ServerUrl server;
  private final String template;
  private final Connection admin;
  private final boolean force;
  private final String strategy;

  private PostgresTemplate(ServerUrl server, String template, Connection admin)
      throws SQLException {
    this.server = server;
    this.template = template;
    this.admin = admin;
    int major = admin.getMetaData().getDatabaseMajorVersion();
    this.force = major >= 13;
    // 15+ copies by WAL_LOG by default, writing the whole database (catalogs included) to the WAL;
    // FILE_COPY copies the files after a checkpoint, which is cheaper for a small template (about
    // 50 vs 60 ms for 100 migrations on PostgreSQL 17 here). 14 and older only copy files.
    this.strategy = major >= 15 ? " STRATEGY FILE_COPY" : "";
  }

  /**
   * Creates and migrates a template on the server whose maintenance database {@code server} names.
   */
  static PostgresTemplate migrate(ServerUrl server, DatabaseSpec spec) throws Exception {
    Connection admin = DriverManager.getConnection(server.withDatabase(server.database()));
    String name = "strata_template_" + RUN + "_" + NEXT.incrementAndGet();
    PostgresTemplate template;
    try {
      admin.setAutoCommit(true);
      template = new PostgresTemplate(server, name, admin);
      template.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      admin.close();
      throw e;
    }
    try {
      DatabaseCopy target = new DatabaseCopy(server.withDatabase(name), () -> {});
      Template.migrate(spec, target.dataSource());
    } catch (RuntimeException e) {
      try {
        template.close();
      } catch (Exception cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return template;
  }

  @Override
  public DatabaseCopy copy() throws SQLException {
    String name = "strata_test_" + RUN + "_" + NEXT.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE " + template + strategy);
    return new DatabaseCopy(server.withDatabase(name), () -> drop(name));
  }

  @Override
  public void close() throws SQLException {
    try (admin) {
      drop(template);
    }
  }

  private void drop(String name) throws SQLException {
    execute("DROP DATABASE IF EXISTS " + name + (force ? " WITH (FORCE)" : ""));
  }

  private void execute(String sql) throws SQLException {
    // One connection for every copy and drop: opening one costs more than a small copy.
    synchronized (admin) {
      try (Statement s = admin.createStatement()) {
        s.execute(sql);
      }
    }
  }
}
