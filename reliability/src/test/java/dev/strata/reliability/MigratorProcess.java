package dev.strata.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link MigrateMain} in a JVM of its own, started with this JVM's class path, whose output lines
 * the test waits for before it kills the process with {@code kill -9} ({@link
 * Process#destroyForcibly()}: SIGKILL on Linux, so no shutdown hook, no finally block, no
 * connection close; the kernel closes the sockets).
 */
final class MigratorProcess implements AutoCloseable {
  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final Path stderr;

  private MigratorProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  pending.add(line);
                }
              } catch (IOException e) {
                // The process was killed: its output ends here.
              }
              pending.add(END);
            },
            "migrator-" + process.pid() + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code MigrateMain jdbcUrl migrations options...}. */
  static MigratorProcess start(String jdbcUrl, Path migrations, String... options)
      throws IOException {
    return start(null, jdbcUrl, migrations, options);
  }

  /** The same, with the heap limited to {@code heap} ({@code -Xmx}) unless it is {@code null}. */
  static MigratorProcess start(String heap, String jdbcUrl, Path migrations, String... options)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (heap != null) {
      command.add("-Xmx" + heap);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MigrateMain.class.getName());
    command.add(jdbcUrl);
    command.add(migrations.toString());
    command.addAll(List.of(options));
    Path stderr = Files.createTempFile("strata-migrator-", ".stderr");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    return new MigratorProcess(process, stderr);
  }

  /**
   * Waits for the first output line, from here on, that {@code wanted} accepts, and returns it.
   *
   * @throws AssertionError when the process ends or {@code timeout} passes first, with its output
   */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : pending.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError(
            "no wanted line from the migrator within " + timeout + "; " + transcript());
      }
      if (line.equals(END)) {
        pending.add(END);
        throw new AssertionError("the migrator ended before the wanted line; " + transcript());
      }
      seen.add(line);
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** Waits for the line {@code line} exactly. */
  String await(String line, Duration timeout) throws InterruptedException {
    return await(line::equals, timeout);
  }

  /** Sends the line {@code --await-go} waits for. */
  void go() throws IOException {
    OutputStream in = process.getOutputStream();
    in.write("go\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** {@code kill -9}, then waits until the process is gone. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("process " + process.pid() + " survived SIGKILL for 30 s");
    }
  }

  /** Waits for the process to exit by itself and returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the migrator did not finish within " + timeout + "; " + transcript());
    }
    return process.exitValue();
  }

  /** Every output line read so far plus those not yet awaited, once the process has ended. */
  List<String> output() {
    List<String> all = new ArrayList<>(seen);
    pending.stream().filter(l -> !l.equals(END)).forEach(all::add);
    return all;
  }

  /** The output so far and the standard error, for failure messages. */
  String transcript() {
    String err;
    try {
      err = Files.readString(stderr);
    } catch (IOException e) {
      err = "(unreadable: " + e + ")";
    }
    return "stdout: "
        + output()
        + "; stderr: "
        + (err.length() > 4000 ? err.substring(0, 4000) + "…" : err);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(stderr);
  }
}
