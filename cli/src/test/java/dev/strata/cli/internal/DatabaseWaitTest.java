package dev.strata.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.DatabaseAccessException;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseWaitTest {
  final ManualClock clock = new ManualClock();
  final List<Duration> pauses = new ArrayList<>();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void retriesTheFirstConnectionWithDoublingPausesUntilItOpens() {
    StartingDatabase db = new StartingDatabase(4);

    waitFor(db, Format.TEXT, Duration.ofMinutes(1));

    assertThat(db.attempts).isEqualTo(5);
    assertThat(pauses)
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2));
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0))
        .isEqualTo(
            "Waiting for the database StartingDatabase (attempt 1; retrying in 250 ms, giving up in 1 min): Connection refused");
    assertThat(lines.get(4))
        .isEqualTo("Connected to StartingDatabase after waiting 3.8 s (5 attempts)");
  }

  @Test
  void pausesAreAtMostFiveSecondsAndTheLastOneEndsAtTheDeadline() {
    StartingDatabase db = new StartingDatabase(Integer.MAX_VALUE);

    assertThatThrownBy(() -> waitFor(db, Format.TEXT, Duration.ofSeconds(20)))
        .isInstanceOf(DatabaseAccessException.class)
        .hasMessageStartingWith(
            "Cannot connect to StartingDatabase after waiting 20 s (--wait-for-database,"
                + " STRATA_WAIT_FOR_DATABASE; 9 attempts): Connection refused");
    assertThat(pauses)
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofMillis(2250));
    assertThat(FailureReport.exitCode(new DatabaseAccessException("x", new SQLException())))
        .isEqualTo(ExitCode.DATABASE_UNREACHABLE);
  }

  @Test
  void aReachableDatabaseIsNotWaitedForAndPrintsNothing() {
    StartingDatabase db = new StartingDatabase(0);

    waitFor(db, Format.TEXT, Duration.ofMinutes(1));

    assertThat(db.attempts).isEqualTo(1);
    assertThat(pauses).isEmpty();
    assertThat(err.size()).isZero();
  }

  @Test
  void waitingLinesAreJsonObjectsUnderJsonLogs() {
    waitFor(new StartingDatabase(1), Format.JSON, Duration.ofMinutes(1));

    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith("{\"timestamp\":\"")
        .contains(
            "\"event\":\"database_waiting\",\"attempt\":1,\"error\":\"Connection refused\",\"retry_in_ms\":250");
    assertThat(lines.get(1))
        .contains("\"event\":\"database_ready\",\"attempts\":2,\"waited_ms\":250");
  }

  private void waitFor(DataSource db, Format format, Duration limit) {
    Console console =
        new Console(
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            format,
            new SecretMask(),
            clock);
    StrataConfiguration config = Strata.configure().dataSource(db).load().configuration();
    new DatabaseWait(
            console,
            clock,
            d -> {
              pauses.add(d);
              clock.advance(d);
            },
            new StopRequest())
        .untilReachable(config, limit);
  }

  /** A database that refuses the first {@code refusals} connections, then is an in-memory H2. */
  static final class StartingDatabase implements DataSource {
    final int refusals;
    int attempts;

    StartingDatabase(int refusals) {
      this.refusals = refusals;
    }

    @Override
    public Connection getConnection() throws SQLException {
      attempts++;
      if (attempts <= refusals) {
        throw new SQLException("Connection refused", "08001");
      }
      return DriverManager.getConnection("jdbc:h2:mem:");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }

  /** A clock that moves only when told to. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2025-01-31T10:15:30Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
