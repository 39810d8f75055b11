package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code java -jar target/strata.jar args...} as a child process, with exactly the given
 * environment (nothing inherited but {@code PATH}), its output captured in files.
 */
final class JarProcess {
  static final Path JAR = Path.of(System.getProperty("strata.jar", "target/strata.jar"));
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private final Process process;
  private final Path out;
  private final Path err;

  private JarProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static JarProcess start(Path dir, Map<String, String> environment, String... args)
      throws IOException {
    assertThat(JAR).as("run `mvn verify`: the jar is built in the package phase").exists();
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    String path = builder.environment().get("PATH");
    builder.environment().clear();
    if (path != null) {
      builder.environment().put("PATH", path);
    }
    builder.environment().putAll(environment);
    return new JarProcess(builder.start(), out, err);
  }

  /**
   * Waits until a line of stderr matches, failing after {@code timeout} or when the process ends
   * first.
   */
  void awaitErrLine(Predicate<String> line, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (err().lines().anyMatch(line)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the process ended first: " + finish(Duration.ZERO));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no such line within " + timeout + ": " + err());
  }

  /**
   * Waits until {@code condition} holds (a query against the database, say), failing after {@code
   * timeout} or when the process ends first.
   */
  void await(String what, Callable<Boolean> condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.call()) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the process ended before " + what + ": " + finish(Duration.ZERO));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not " + what + " within " + timeout + ": " + err());
  }

  /** Sends SIGTERM (what {@link Process#destroy()} sends on Linux and macOS). */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to end; kills it and fails after {@code timeout}. */
  CliResult finish(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "did not end within " + timeout + "\n--- stdout\n" + out() + "--- stderr\n" + err());
    }
    return new CliResult(process.exitValue(), out(), err());
  }

  private String out() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private String err() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  static CliResult run(Path dir, Map<String, String> environment, String... args) throws Exception {
    return start(dir, environment, args).finish(Duration.ofSeconds(60));
  }
}
