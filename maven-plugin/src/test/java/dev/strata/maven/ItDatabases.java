package dev.strata.maven;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.TestDatabase;
import dev.strata.testsupport.TestDatabases;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL databases of the ITs in src/it, for their hook scripts (on the scripts' class path
 * through the invoker's addTestClassPath): the selector script skips an IT without a server, the
 * pre-build script creates its database with test-support, as every database test does, and the
 * post-build script drops it. The invoker runs every script of one build in one class loader, so
 * this class keeps them between the scripts.
 */
public final class ItDatabases {
  private static final Map<String, IsolatedDatabase> OPEN = new ConcurrentHashMap<>();

  static {
    // The invoker runs no post-build script after a failed pre-build script: whatever is still
    // open when the outer build's JVM exits is dropped then.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> OPEN.values().forEach(IsolatedDatabase::close)));
  }

  private ItDatabases() {}

  /**
   * Whether the IT in {@code basedir} can run: whether there is a PostgreSQL server; when there is
   * none, prints why the IT is skipped.
   *
   * @throws IllegalStateException when there is none and {@code CI=true}: CI must not pass by
   *     skipping
   */
  public static boolean available(File basedir) {
    TestDatabase postgres = TestDatabases.postgres();
    if (!postgres.isAvailable()) {
      String reason = postgres.unavailableReason().orElse("no PostgreSQL server");
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            reason + " (CI=true, so a missing database fails the IT " + basedir.getName() + ")");
      }
      String line = "Skipping the IT " + basedir.getName() + ": " + reason;
      System.out.println(line); // into the IT's build.log
      // ...and onto the console, which the invoker's script runner does not redirect.
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8)
          .println("[INFO] " + line);
      return false;
    }
    return true;
  }

  /** A new database for the IT in {@code basedir}, dropped by {@link #drop}. */
  public static IsolatedDatabase create(File basedir) {
    IsolatedDatabase db = TestDatabases.postgres().requireAvailable().createIsolated();
    OPEN.put(basedir.getAbsolutePath(), db);
    return db;
  }

  /** The database {@link #create} made for the IT in {@code basedir}. */
  public static IsolatedDatabase of(File basedir) {
    IsolatedDatabase db = OPEN.get(basedir.getAbsolutePath());
    if (db == null) {
      throw new IllegalStateException("no database was created for " + basedir);
    }
    return db;
  }

  /** Drops the IT's database, if it has one. */
  public static void drop(File basedir) {
    IsolatedDatabase db = OPEN.remove(basedir.getAbsolutePath());
    if (db != null) {
      db.close();
    }
  }
}
