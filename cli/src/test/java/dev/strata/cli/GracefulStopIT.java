package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the runnable jar while a migration runs, as Kubernetes sends when it deletes a pod.
 */
class GracefulStopIT {
  @TempDir Path dir;

  @Test
  void sigtermCancelsTheRunningMigrationExitsWith8AndTheNextMigrateContinues() throws Exception {
    // V2 runs for minutes while `knob` says so; H2 cancels a query between rows (a Java function
    // such as Thread.sleep would not notice the cancel). The test turns the knob down afterwards,
    // so the same file, with the same checksum, then runs quickly.
    Workspace ws =
        new Workspace(dir.resolve("ws"))
            .file(
                "V1__knob.sql",
                "CREATE TABLE knob (n BIGINT);\nINSERT INTO knob VALUES (100000000000);\n")
            .file("V2__slow.sql", "SELECT SUM(X) FROM SYSTEM_RANGE(1, (SELECT n FROM knob));\n");
    Map<String, String> environment =
        Map.of("STRATA_URL", ws.url, "STRATA_SOURCES", "filesystem:" + ws.migrations);

    JarProcess migrate = JarProcess.start(dir, environment, "migrate", "--heartbeat", "off");
    migrate.awaitErrLine(l -> l.startsWith("Applying V2 slow"), Duration.ofSeconds(30));
    Thread.sleep(300); // into the statement
    long sent = System.nanoTime();
    migrate.terminate();
    CliResult stopped = migrate.finish(Duration.ofSeconds(10));

    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(10));
    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.STOPPED);
    assertThat(stopped.err())
        .contains("Stopping: the process received SIGTERM")
        .contains("error: Stopped on request while applying V2 slow");
    assertThat(ws.history()).contains("APPLY 1 TRUE").doesNotContain("APPLY 2 TRUE");

    ws.execute("UPDATE knob SET n = 10");
    CliResult again = JarProcess.run(dir, environment, "migrate");

    assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
    assertThat(again.lastLine()).matches("applied 1 migration \\(V2\\) in \\d+ ms");
    assertThat(ws.history()).endsWith("APPLY 2 TRUE");
  }
}
