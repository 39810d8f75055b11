package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationFailedException;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock and statement timeouts, per file and configured, on a real server. */
@PostgresTest
class PostgresTimeoutsIT {
  @TempDir Path dir;

  void file(String name, String sql) throws Exception {
    Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
  }

  static String single(IsolatedDatabase db, String sql) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aScriptsLockTimeoutMakesItFailFastBehindAnotherSessionsLockAndTheNextScriptGetsTheDefault(
      IsolatedDatabase db) throws Exception {
    file("V1__t.sql", "CREATE TABLE t (id int);\n");
    Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + dir).load().migrate();
    file("V2__alter.sql", "-- strata:ddl-lock-timeout=1s\nALTER TABLE t ADD COLUMN x int;\n");
    file(
        "V3__record.sql",
        "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock_timeout,"
            + " current_setting('statement_timeout') AS statement_timeout;\n");

    try (Connection blocker = db.connect();
        Statement s = blocker.createStatement()) {
      blocker.setAutoCommit(false);
      s.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  Strata.configure()
                      .dataSource(db.dataSource())
                      .sources("filesystem:" + dir)
                      .load()
                      .migrate())
          .isInstanceOfSatisfying(
              MigrationFailedException.class, e -> assertThat(e.sqlState()).isEqualTo("55P03"))
          .hasMessageContaining("V2__alter.sql:2");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
      blocker.rollback();
    }
    Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + dir).load().migrate();

    assertThat(single(db, "SELECT lock_timeout || ' ' || statement_timeout FROM seen"))
        .isEqualTo("10s 0");
  }

  @Test
  void aScriptsStatementTimeoutStopsALongStatement(IsolatedDatabase db) throws Exception {
    file("V1__slow.sql", "-- strata:statement-timeout=300ms\nSELECT pg_sleep(5);\n");

    assertThatThrownBy(
            () ->
                Strata.configure()
                    .dataSource(db.dataSource())
                    .sources("filesystem:" + dir)
                    .load()
                    .migrate())
        .isInstanceOfSatisfying(
            MigrationFailedException.class, e -> assertThat(e.sqlState()).isEqualTo("57014"));
  }

  @Test
  void theConfiguredLimitsApplyToEveryScript(IsolatedDatabase db) throws Exception {
    file(
        "V1__record.sql",
        "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock_timeout,"
            + " current_setting('statement_timeout') AS statement_timeout;\n");

    Strata.configure()
        .dataSource(db.dataSource())
        .sources("filesystem:" + dir)
        .ddlLockTimeout(Duration.ofSeconds(3))
        .statementTimeout(Duration.ofMinutes(2))
        .load()
        .migrate();

    assertThat(single(db, "SELECT lock_timeout || ' ' || statement_timeout FROM seen"))
        .isEqualTo("3s 2min");
  }
}
