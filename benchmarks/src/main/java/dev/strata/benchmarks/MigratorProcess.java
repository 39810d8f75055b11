package dev.strata.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MigratorMain} running in a JVM of its own, seen from the process that started it: {@link
 * #start} it, {@link #awaitReady()}, then {@link #go()} and {@link #awaitApplied()}; {@link
 * #close()} kills it if it still runs. The child runs the {@code java} and class path of this JVM,
 * with default JVM options; its standard error goes to a temporary file, quoted when it fails.
 *
 * <p>Not thread-safe: one thread drives it.
 */
final class MigratorProcess implements AutoCloseable {
  /** How much of a failed child's standard error a failure message quotes, from its end. */
  private static final int QUOTED_ERROR_CHARS = 6_000;

  /** How long a child may take to boot its JVM: far more than the second it needs. */
  private static final int READY_SECONDS = 60;

  /** How long a child may take to migrate once told to go: far more than the largest race needs. */
  private static final int MIGRATE_SECONDS = 600;

  private final String label;
  private final Process process;
  private final BufferedReader out;
  private final Path errors;

  private MigratorProcess(String label, Process process, Path errors) {
    this.label = label;
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.errors = errors;
  }

  /**
   * Starts a migrator that will apply {@code set} with {@code engine} to {@code target} once told
   * to go.
   *
   * @param label names the child in failure messages, e.g. {@code "strata migrator 3 of 8"}
   */
  static MigratorProcess start(String label, String engine, JdbcTarget target, MigrationSet set)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaCommand());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MigratorMain.class.getName());
    command.add(engine);
    command.add(target.kind().name());
    command.add(set.dir().toString());
    command.add(set.shape().name());
    command.add(Integer.toString(set.migrations()));
    Path errors = Files.createTempFile("strata-bench-migrator-", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
    builder.environment().put(MigratorMain.URL_VARIABLE, target.url());
    builder.environment().put(MigratorMain.USER_VARIABLE, target.user());
    builder.environment().put(MigratorMain.PASSWORD_VARIABLE, target.password());
    try {
      return new MigratorProcess(label, builder.start(), errors);
    } catch (IOException e) {
      Files.deleteIfExists(errors);
      throw e;
    }
  }

  /** The {@code java} launcher of this JVM. */
  private static String javaCommand() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * Waits until the child's JVM is up and waiting for {@link #go()}.
   *
   * @throws IllegalStateException quoting its standard error, when it exits first or is not ready
   *     within {@value #READY_SECONDS} s (then it is killed)
   */
  void awaitReady() throws IOException, InterruptedException {
    CompletableFuture<Void> deadline = killAfter(READY_SECONDS);
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals(MigratorMain.READY)) {
          return;
        }
      }
    } finally {
      deadline.cancel(false);
    }
    throw failure(
        killedBy(deadline)
            ? "was not ready within " + READY_SECONDS + " s and was killed"
            : "exited with " + process.waitFor() + " before it was ready");
  }

  /** Tells the child to migrate. */
  void go() throws IOException {
    try (OutputStream in = process.getOutputStream()) {
      in.write((MigratorMain.GO + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Waits until the child has exited and returns the count it applied, or {@link
   * MigrationEngine#UNKNOWN}.
   *
   * @throws IllegalStateException quoting its standard error, when it failed
   */
  int awaitApplied() throws IOException, InterruptedException {
    CompletableFuture<Void> deadline = killAfter(MIGRATE_SECONDS);
    Integer applied = null;
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(MigratorMain.APPLIED)) {
          applied = Integer.valueOf(line.substring(MigratorMain.APPLIED.length()).strip());
        }
      }
    } finally {
      deadline.cancel(false);
    }
    if (killedBy(deadline)) {
      throw failure("did not finish within " + MIGRATE_SECONDS + " s and was killed");
    }
    int exit = process.waitFor();
    if (exit != 0 || applied == null) {
      throw failure(
          "exited with " + exit + (applied == null ? " without saying what it applied" : ""));
    }
    return applied;
  }

  /** Kills the child in {@code seconds} unless the returned deadline is cancelled first. */
  private CompletableFuture<Void> killAfter(int seconds) {
    return CompletableFuture.runAsync(
        process::destroyForcibly, CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS));
  }

  private static boolean killedBy(CompletableFuture<Void> deadline) {
    return deadline.isDone() && !deadline.isCancelled();
  }

  private IllegalStateException failure(String what) throws IOException {
    String stderr = Files.readString(errors, StandardCharsets.UTF_8).strip();
    if (stderr.length() > QUOTED_ERROR_CHARS) {
      stderr = "…" + stderr.substring(stderr.length() - QUOTED_ERROR_CHARS);
    }
    return new IllegalStateException(
        label
            + " (pid "
            + process.pid()
            + ") "
            + what
            + (stderr.isEmpty()
                ? "; its standard error was empty"
                : "; its standard error:\n" + stderr));
  }

  /** Kills the child if it still runs and deletes its standard-error file. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    out.close();
    Files.deleteIfExists(errors);
  }
}
