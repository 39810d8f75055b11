package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar in a child process configured by environment variables alone, as in a container.
 */
class EnvironmentOnlyIT {
  static final String SECRET = "s3cret-from-a-mounted-file";

  @TempDir Path dir;

  @Test
  void aChildProcessConfiguredOnlyByTheEnvironmentMigratesAnH2FileDatabase() throws Exception {
    Workspace ws = Workspace.withPeople(dir.resolve("ws"));
    Path password = Files.writeString(dir.resolve("password"), SECRET + "\n");
    Map<String, String> environment = new HashMap<>();
    environment.put("STRATA_URL", ws.url);
    environment.put("STRATA_USER", "app");
    environment.put("STRATA_PASSWORD_FILE", password.toString());
    environment.put("STRATA_SOURCES", "filesystem:" + ws.migrations);
    environment.put("STRATA_TABLE", "app_history");
    environment.put("STRATA_LOCK_TIMEOUT", "30s");
    environment.put("STRATA_LOG_FORMAT", "json");
    environment.put("STRATA_WAIT_FOR_DATABASE", "10s");
    environment.put("STRATA_HEARTBEAT", "2s");

    CliResult migrate = JarProcess.run(dir, environment, "migrate");

    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(0);
    List<Map<String, Object>> lines = JsonLogFormatTest.lines(migrate); // each line is one object
    assertThat(lines)
        .extracting(l -> l.get("event"))
        .contains("lock_acquired", "migration_completed");
    assertThat(JsonObjects.parse(migrate.lastLine()))
        .containsEntry("event", "summary")
        .containsEntry("migrations", List.of("V1", "V2"));
    assertThat(migrate.all()).doesNotContain(SECRET);

    environment.put("STRATA_OUTPUT", "json");
    environment.put("STRATA_EXIT_CODE", "true");
    CliResult status = JarProcess.run(dir, environment, "status");

    assertThat(status.exitCode()).as(status.toString()).isEqualTo(0);
    assertThat(JsonObjects.parse(status.out().strip())).containsEntry("up_to_date", true);
    assertThat(status.all()).doesNotContain(SECRET);
    try (Connection c = DriverManager.getConnection(ws.url, "app", SECRET);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM \"PUBLIC\".\"app_history\" WHERE \"installed_rank\" > 0")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }
}
