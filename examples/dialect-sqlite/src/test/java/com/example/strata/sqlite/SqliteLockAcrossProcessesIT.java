package com.example.strata.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.LockTimeoutException;
import dev.strata.spi.MigrationLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock between processes: another JVM holding it keeps this one out, and killing that JVM
 * ({@code SIGKILL}, no cleanup of any kind) frees it at once: the operating system drops a dead
 * process's file locks.
 */
class SqliteLockAcrossProcessesIT {
  @TempDir Path dir;

  @Test
  void isHeldByAnotherProcessUntilThatProcessIsKilled() throws Exception {
    Path database = dir.resolve("app.db");
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                database.toString())
            .redirectErrorStream(true)
            .start();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("the other process's output").isEqualTo("held");

      assertThatThrownBy(
              () -> SqliteDialect.INSTANCE.lock(c, LockHolder.request(Duration.ofSeconds(1))))
          .isInstanceOf(LockTimeoutException.class)
          .hasMessageContaining("app.db.main.strata_schema_history.lock");

      holder.destroyForcibly();
      assertThat(holder.waitFor(10, TimeUnit.SECONDS)).as("the holder exited").isTrue();
      try (MigrationLock lock =
          SqliteDialect.INSTANCE.lock(c, LockHolder.request(Duration.ofSeconds(5)))) {
        assertThat(lock).as("the lock, once its holder was killed").isNotNull();
      }
    } finally {
      holder.destroyForcibly();
    }
  }
}
