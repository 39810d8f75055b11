package dev.strata.testsupport;

import dev.strata.testsupport.internal.JdbcUrl;
import dev.strata.testsupport.internal.Unavailability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PgBouncer ({@code pgbouncer} from the operating system's packages) on a free loopback
 * port, in front of the PostgreSQL server of an {@link IsolatedDatabase}, in one pool mode. Its
 * configuration, user list, log and pid file live in a directory of its own; {@link #close()} stops
 * it. Without PgBouncer installed, {@link #start} skips the test with the reason, or fails it under
 * {@code CI=true}.
 *
 * <pre>{@code
 * try (PgBouncer pooler = PgBouncer.start(PgBouncer.PoolMode.TRANSACTION, db)) {
 *   Strata.configure().url(pooler.jdbcUrl(db)).lockMode(LockMode.LEASE)...
 * }
 * }</pre>
 *
 * <p>Each pool holds at most {@link #POOL_SIZE} server connections, fewer than a crowd of clients,
 * so in transaction mode consecutive transactions of one client run on different server sessions.
 * The URLs it hands out set {@code prepareThreshold=0}: PgBouncer before 1.21 cannot keep a named
 * prepared statement across transactions. Not thread-safe to start and stop; {@link #close()} is
 * idempotent.
 */
public final class PgBouncer implements AutoCloseable {
  /** The server connections of one pool (user and database). */
  public static final int POOL_SIZE = 4;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  /** PgBouncer's {@code pool_mode}. */
  public enum PoolMode {
    /** A client keeps its server session until it disconnects. */
    SESSION,
    /** A client holds a server session only for the length of each transaction. */
    TRANSACTION
  }

  private final Process process;
  private final int port;
  private final Path directory;

  private PgBouncer(Process process, int port, Path directory) {
    this.process = process;
    this.port = port;
    this.directory = directory;
  }

  /**
   * Starts PgBouncer in {@code mode} in front of {@code db}'s server, its files in a new directory
   * of the system's temporary directory ({@link #close()} deletes it). Run as root, PgBouncer,
   * which refuses root, is started as user {@code nobody}.
   */
  public static PgBouncer start(PoolMode mode, IsolatedDatabase db) {
    Path executable = executable();
    JdbcUrl server = JdbcUrl.parse(db.jdbcUrl());
    try {
      Path dir = Files.createTempDirectory("strata-pgbouncer-");
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) {
        // PgBouncer refuses to run as root; it switches to an unprivileged user, who writes here.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      int port = freePort();
      Path ini = dir.resolve("pgbouncer.ini");
      Path users = dir.resolve("userlist.txt");
      Files.writeString(
          users, quoted(db.user()) + " " + quoted(db.password()) + "\n", StandardCharsets.UTF_8);
      Files.writeString(
          ini,
          String.join(
              "\n",
              "[databases]",
              "* = host=" + server.host() + " port=" + server.port(),
              "[pgbouncer]",
              "listen_addr = 127.0.0.1",
              "listen_port = " + port,
              "unix_socket_dir =",
              "auth_type = trust",
              "auth_file = " + users,
              "pool_mode = " + mode.name().toLowerCase(Locale.ROOT),
              "default_pool_size = " + POOL_SIZE,
              "max_client_conn = 200",
              "ignore_startup_parameters = extra_float_digits",
              "logfile = " + dir.resolve("pgbouncer.log"),
              "pidfile = " + dir.resolve("pgbouncer.pid"),
              ""),
          StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(executable.toString()));
      if (root) {
        command.addAll(List.of("-u", "nobody"));
      }
      command.add(ini.toString());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("stdout.log").toFile())
              .start();
      PgBouncer pooler = new PgBouncer(process, port, dir);
      pooler.awaitListening();
      return pooler;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PgBouncer (" + executable + ")", e);
    }
  }

  /** The loopback port PgBouncer listens on. */
  public int port() {
    return port;
  }

  /**
   * A URL reaching {@code db} through this PgBouncer, credentials and {@code prepareThreshold=0}.
   */
  public String jdbcUrl(IsolatedDatabase db) {
    return "jdbc:postgresql://127.0.0.1:"
        + port
        + "/"
        + db.name()
        + "?user="
        + db.user()
        + (db.password().isEmpty() ? "" : "&password=" + db.password())
        + "&prepareThreshold=0";
  }

  /** Stops PgBouncer, closing every client and server connection it holds. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete PgBouncer's directory " + directory, e);
    }
  }

  private void awaitListening() throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        String log = log();
        close();
        throw new IllegalStateException(
            "PgBouncer exited at start (code " + process.exitValue() + "): " + log);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    close();
    throw new IllegalStateException(
        "PgBouncer did not listen on 127.0.0.1:"
            + port
            + " within "
            + START_TIMEOUT
            + ": "
            + log());
  }

  private String log() throws IOException {
    StringBuilder text = new StringBuilder();
    for (String name : List.of("stdout.log", "pgbouncer.log")) {
      Path file = directory.resolve(name);
      if (Files.exists(file)) {
        text.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return text.toString().strip();
  }

  private static Path executable() {
    for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin")) {
      Path candidate = Path.of(dir, "pgbouncer");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Unavailability.abortOrFail(
        "PgBouncer is not installed (no pgbouncer in /usr/sbin, /usr/bin or /usr/local);"
            + " install it (apt-get install pgbouncer) to run the pooler tests",
        System::getenv);
    throw new AssertionError("abortOrFail always throws");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String quoted(String text) {
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
