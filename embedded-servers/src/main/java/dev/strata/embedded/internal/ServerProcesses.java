package dev.strata.embedded.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs a server's programs, as an unprivileged user when the JVM runs as root (PostgreSQL refuses
 * root), through {@code runuser}, else {@code su}.
 */
public final class ServerProcesses {
  private ServerProcesses() {}

  /** Whether files this JVM creates in {@code base} belong to root. */
  public static boolean isRoot(Path base) throws IOException {
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

  /** Gives {@code path} to {@code user}. */
  public static void chown(Path path, String user) throws IOException {
    UserPrincipal owner =
        path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    Files.setOwner(path, owner);
  }

  /** A port nothing listens on at this moment, on the loopback interface. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * The command line that runs {@code program} with {@code args} as {@code runAs} (or as this
   * process's user when it is null).
   */
  public static List<String> commandAs(@Nullable String runAs, String program, List<String> args) {
    List<String> command = new ArrayList<>();
    if (runAs == null) {
      command.add(program);
      command.addAll(args);
    } else if (Files.isExecutable(Path.of("/usr/sbin/runuser"))
        || Files.isExecutable(Path.of("/sbin/runuser"))) {
      command.addAll(List.of("runuser", "-u", runAs, "--", program));
      command.addAll(args);
    } else {
      StringBuilder line = new StringBuilder(shellQuote(program));
      for (String arg : args) {
        line.append(' ').append(shellQuote(arg));
      }
      command.addAll(List.of("su", runAs, "-s", "/bin/sh", "-c", line.toString()));
    }
    return command;
  }

  /**
   * Runs {@code command} in {@code directory} to its end (at most two minutes); a non-zero exit is
   * an {@link IOException} with its output and {@code explanation}.
   */
  public static void run(List<String> command, Path directory, String explanation)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("strata-server-", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("did not finish within 2 minutes: " + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ":\n"
                + Files.readString(log)
                + explanation);
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
