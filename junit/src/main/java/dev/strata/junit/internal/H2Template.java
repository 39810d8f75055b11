package dev.strata.junit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * H2 in memory: the template is migrated, written out once with {@code SCRIPT}, and each copy is a
 * new in-memory database that runs the script ({@code RUNSCRIPT}); a copy is dropped by {@code
 * SHUTDOWN}.
 */
final class H2Template implements Template {
  private static final AtomicLong NEXT = new AtomicLong();

  private final Path script;

  private H2Template(Path script) {
    this.script = script;
  }

  static H2Template migrate(DatabaseSpec spec) throws Exception {
    String url = memoryUrl("strata_template_" + NEXT.incrementAndGet());
    DatabaseCopy template = new DatabaseCopy(url, () -> shutdown(url));
    try (template) {
      Template.migrate(spec, template.dataSource());
      Path script = Files.createTempFile("strata-h2-template-", ".sql");
      script.toFile().deleteOnExit();
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("SCRIPT TO '" + literal(script) + "'");
      }
      return new H2Template(script);
    }
  }

  @Override
  public DatabaseCopy copy() throws Exception {
    String url = memoryUrl("strata_test_" + NEXT.incrementAndGet());
    DatabaseCopy copy = new DatabaseCopy(url, () -> shutdown(url));
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM '" + literal(script) + "'");
    } catch (Exception e) {
      try {
        copy.close();
      } catch (Exception cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return copy;
  }

  @Override
  public void close() throws Exception {
    Files.deleteIfExists(script);
  }

  private static String memoryUrl(String name) {
    // DB_CLOSE_DELAY=-1: the database lives until SHUTDOWN, not until its last connection closes.
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
  }

  private static void shutdown(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  private static String literal(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }
}
