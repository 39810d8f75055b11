package dev.strata.cli.internal;

import dev.strata.api.DatabaseAccessException;
import dev.strata.core.StrataConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code --wait-for-database DURATION}: retries the first connection with backoff (250 ms,
 * doubling, at most 5 s apart) until it succeeds or the duration has passed, printing a line per
 * failed attempt. A container started together with its database (a Compose file, a pod whose
 * database is another pod) then waits instead of failing and being restarted. Only connecting is
 * retried: a URL no driver accepts fails at once, and so does everything after the connection. Time
 * and pausing are injected, so the backoff is tested without sleeping.
 */
final class DatabaseWait {
  /** Waits for {@code duration}, or less when the command is stopped meanwhile. */
  interface Pause {
    void pause(Duration duration);
  }

  static final Duration FIRST_DELAY = Duration.ofMillis(250);
  static final Duration MAX_DELAY = Duration.ofSeconds(5);

  private final Console console;
  private final Clock clock;
  private final Pause pause;
  private final StopRequest stop;

  DatabaseWait(Console console, Clock clock, Pause pause, StopRequest stop) {
    this.console = console;
    this.clock = clock;
    this.pause = pause;
    this.stop = stop;
  }

  /**
   * Returns once a connection to the configured database opens, or at once when {@code limit} is
   * zero.
   *
   * @throws DatabaseAccessException when it still fails after {@code limit}, with the last error
   */
  void untilReachable(StrataConfiguration config, Duration limit) {
    if (limit.isZero()) {
      return;
    }
    Instant start = clock.instant();
    Instant deadline = start.plus(limit);
    Duration delay = FIRST_DELAY;
    for (int attempt = 1; ; attempt++) {
      stop.check("connecting to the database");
      SQLException failure;
      try (Connection c = config.dataSource().getConnection()) {
        if (c != null) {
          if (attempt > 1) {
            Duration waited = Duration.between(start, clock.instant());
            console.info(
                "database_ready",
                "Connected to "
                    + config.displayUrl()
                    + " after waiting "
                    + DurationConverter.text(waited)
                    + " ("
                    + attempt
                    + " attempts)",
                Fields.of("attempts", attempt).with("waited_ms", waited.toMillis()));
          }
          return;
        }
        failure = new SQLException("no JDBC driver accepts this URL");
      } catch (SQLException e) {
        failure = e;
      }
      if (String.valueOf(failure.getMessage()).startsWith("No suitable driver")
          || failure.getMessage() == null) {
        return; // not a matter of waiting: the command reports it, naming the option to fix
      }
      String error = config.maskSecrets(String.valueOf(failure.getMessage()));
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new DatabaseAccessException(
            "Cannot connect to "
                + config.displayUrl()
                + " after waiting "
                + DurationConverter.text(limit)
                + " (--wait-for-database, STRATA_WAIT_FOR_DATABASE; "
                + attempt
                + " attempts): "
                + error
                + ". Check --url, --user and --password (STRATA_URL, STRATA_USER, STRATA_PASSWORD)",
            failure);
      }
      Duration next = delay.compareTo(left) < 0 ? delay : left;
      console.info(
          "database_waiting",
          "Waiting for the database "
              + config.displayUrl()
              + " (attempt "
              + attempt
              + "; retrying in "
              + DurationConverter.text(next)
              + ", giving up in "
              + DurationConverter.text(left)
              + "): "
              + error,
          Fields.of("attempt", attempt)
              .with("error", error)
              .with("retry_in_ms", next.toMillis())
              .with("remaining_ms", left.toMillis()));
      pause.pause(next);
      delay = delay.multipliedBy(2).compareTo(MAX_DELAY) < 0 ? delay.multipliedBy(2) : MAX_DELAY;
    }
  }
}
