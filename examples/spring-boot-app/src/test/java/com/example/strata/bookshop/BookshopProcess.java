package com.example.strata.bookshop;

import dev.strata.testsupport.IsolatedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bookshop's executable jar running in a JVM of its own ({@code java -jar}), against one test
 * database, on a port of its own, its output in a log file under {@code target/it-logs}. {@link
 * #close()} stops it (SIGTERM, then SIGKILL).
 */
final class BookshopProcess implements AutoCloseable {
  /** A guard against a hung start, not a measurement: a healthy start takes seconds. */
  private static final Duration START_LIMIT = Duration.ofMinutes(3);

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final JsonMapper json = JsonMapper.builder().build();

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;
  private final long startedNanos;

  private BookshopProcess(String name, Process process, Path log, int port, long startedNanos) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts {@code java -jar bookshop.jar} against {@code db}; {@code args} are added to its command
   * line ({@code --strata.mode=validate}, ...). The database URL goes through the environment,
   * credentials included, so that it is not on the command line.
   */
  static BookshopProcess start(String name, IsolatedDatabase db, String... args) {
    Path jar = Path.of(property("bookshop.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: run mvn verify, which packages it");
    }
    try {
      Path logs = Files.createDirectories(Path.of(property("bookshop.logs")));
      Path log = logs.resolve(name + ".log");
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // Lighter JVMs for short-lived test processes (two at a time on small CI machines): no C2
      // compiler, one GC thread. The jar and what it does at startup are unchanged.
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:+UseSerialGC");
      command.add("-jar");
      command.add(jar.toString());
      command.add("--server.port=" + port);
      command.addAll(List.of(args));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("SPRING_DATASOURCE_URL", db.jdbcUrl());
      long started = System.nanoTime();
      return new BookshopProcess(name, builder.start(), log, port, started);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + jar, e);
    }
  }

  /**
   * Waits until {@code /actuator/health} answers 200 (the context has started: migrations ran and
   * Hibernate validated the entities) and returns how long the start took.
   *
   * @throws AssertionError with the output when the application exits or does not start in time
   */
  Duration awaitHealthy() throws InterruptedException {
    long deadline = startedNanos + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name + " exited with " + process.exitValue() + " before it was healthy:\n" + output());
      }
      try {
        if (get("/actuator/health").statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException notListeningYet) {
        // The web server is not up yet.
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " did not start within " + START_LIMIT + ":\n" + output());
  }

  /**
   * Waits for the application to exit by itself (a failed start) and returns its exit code.
   *
   * @throws AssertionError with the output when it is still running after the limit
   */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still runs after " + START_LIMIT + ":\n" + output());
    }
    return process.exitValue();
  }

  /** The body of {@code GET path} as JSON, which must answer 200. */
  JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Everything the application printed so far (stdout and stderr). */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the application: SIGTERM (a graceful shutdown), SIGKILL if it is still running. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "System property " + name + " is not set: run the tests through mvn verify");
    }
    return value;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
