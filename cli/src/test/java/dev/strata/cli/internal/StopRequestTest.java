package dev.strata.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.CancelledException;
import dev.strata.api.StrataEvent;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import dev.strata.core.StrataOption;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a running command in-process, as the SIGTERM hook of {@code Main.main} does. */
class StopRequestTest {
  @TempDir Path dir;
  String url;
  Path migrations;
  final StopRequest stop = new StopRequest();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    url = "jdbc:h2:file:" + dir.resolve("db");
    migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        migrations.resolve("V1__knob.sql"),
        "CREATE TABLE knob (n BIGINT);\nINSERT INTO knob VALUES (100000000000);\n");
    // Runs for minutes; H2 checks for a cancel between rows.
    Files.writeString(
        migrations.resolve("V2__slow.sql"),
        "SELECT SUM(X) FROM SYSTEM_RANGE(1, (SELECT n FROM knob));\n");
  }

  @Test
  void stoppingCancelsTheRunningStatementAndExitsWith8WithTheEnginesMessage() throws Exception {
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> run("migrate"));
    awaitErr("Applying V2 slow");
    Thread.sleep(200);

    stop.stop("a test asked");

    assertThat(running.get(10, TimeUnit.SECONDS)).as(text(err)).isEqualTo(ExitCode.STOPPED);
    assertThat(text(err))
        .contains(
            "warning: Stopping: a test asked; cancelling the running statement and releasing the lock")
        .contains("error: Stopped on request while applying V2 slow");
    assertThat(text(out)).isEmpty();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM \"PUBLIC\".\"strata_schema_history\" WHERE \"version\" = '2' AND \"success\"")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void aCommandStoppedBeforeItStartsChangesNothing() {
    stop.stop("a test asked");

    assertThat(run("migrate")).isEqualTo(ExitCode.STOPPED);
    assertThat(text(err))
        .contains(
            "error: Stopped on request before connecting to the database; nothing was changed");
  }

  @Test
  void aStopRequestedWhileTheEngineReadsSourcesTakesEffectOnceItHasTheLock() throws Exception {
    Files.writeString(migrations.resolve("V7_fix.sql"), "SELECT 1; -- left out by --ignore");
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Format.TEXT,
            new SecretMask(),
            Clock.systemUTC());
    StrataLoader loader =
        new StrataLoader(console, new SecretMask(), Map.of(), new Properties(), stop);
    stop.reportTo(console);
    CommonOptions options =
        new CommonOptions(
            Map.of(
                StrataOption.URL,
                url,
                StrataOption.SOURCES,
                "filesystem:" + migrations,
                StrataOption.IGNORE,
                "V7_fix.sql"));
    // The ignored file is listed while sources are read, before the engine can cancel anything.
    Strata strata =
        loader.load(
            options,
            Map.of(),
            console,
            List.of(
                event -> {
                  if (event instanceof StrataEvent.FileIgnored) {
                    stop.stop("a test asked");
                  }
                }));

    assertThatThrownBy(strata::migrate).isInstanceOf(CancelledException.class);
    assertThat(text(err)).contains("warning: Stopping: a test asked").doesNotContain("Applying");
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM \"PUBLIC\".\"strata_schema_history\" WHERE \"installed_rank\" > 0")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void stoppingEndsAWaitAtOnce() throws Exception {
    CompletableFuture<Integer> waiting =
        CompletableFuture.supplyAsync(() -> run("await", "--interval", "1m"));
    awaitErr("Waiting for 2 migrations");

    stop.stop("a test asked");

    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(ExitCode.STOPPED);
    assertThat(text(err)).contains("error: Stopped on request before checking the status again");
  }

  private int run(String... command) {
    String[] args = new String[command.length + 4];
    System.arraycopy(command, 0, args, 0, command.length);
    System.arraycopy(
        new String[] {"--url", url, "--source", "filesystem:" + migrations},
        0,
        args,
        command.length,
        4);
    return Launcher.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(),
        new Properties(),
        stop);
  }

  private void awaitErr(String text) throws InterruptedException {
    for (int i = 0; i < 300 && !text(err).contains(text); i++) {
      Thread.sleep(50);
    }
    assertThat(text(err)).contains(text);
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
