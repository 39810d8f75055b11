package dev.strata.cli.internal;

import dev.strata.api.PlannedMigration;
import dev.strata.api.SqlStatement;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code --heartbeat DURATION}: while one statement runs longer than the interval, prints a line
 * every interval with how long it has run and its first line, so that a log collector (or a person
 * watching a Job) can tell a long index build from a hung process. Started by {@link
 * StrataEvent.StatementStarted}, stopped by the next statement and by the migration completing or
 * failing. One per engine; thread-safe (events arrive on the command's thread, beats on the
 * timer's).
 */
final class Heartbeat implements StrataListener {
  private final Console console;
  private final Duration interval;
  private final ScheduledExecutorService timer;
  private @Nullable ScheduledFuture<?> beat;

  Heartbeat(Console console, Duration interval, ScheduledExecutorService timer) {
    this.console = console;
    this.interval = interval;
    this.timer = timer;
  }

  @Override
  public synchronized void onEvent(StrataEvent event) {
    if (event instanceof StrataEvent.StatementStarted s) {
      stop();
      Instant started = console.clock().instant();
      long ms = interval.toMillis();
      beat =
          timer.scheduleAtFixedRate(
              () -> beat(s.migration(), s.index(), s.statement(), started),
              ms,
              ms,
              TimeUnit.MILLISECONDS);
    } else if (event instanceof StrataEvent.MigrationCompleted
        || event instanceof StrataEvent.MigrationFailed) {
      stop();
    }
  }

  /** Stops beating; the command calls it when it ends, however it ends. */
  synchronized void stop() {
    if (beat != null) {
      beat.cancel(false);
      beat = null;
    }
  }

  private void beat(PlannedMigration m, int index, SqlStatement statement, Instant started) {
    Duration elapsed = Duration.between(started, console.clock().instant());
    int n = m.statements().size();
    console.info(
        "statement_running",
        "Still running "
            + m.id()
            + ", statement "
            + index
            + " of "
            + n
            + " ("
            + m.origin()
            + ":"
            + statement.line()
            + "), for "
            + DurationConverter.text(elapsed)
            + ": "
            + statement.firstLine(),
        Fields.of("version", m.id().version() == null ? null : m.id().version().toString())
            .with("description", m.id().description())
            .with("file", m.origin())
            .with("line", statement.line())
            .with("index", index)
            .with("statements", n)
            .with("elapsed_ms", elapsed.toMillis())
            .with("statement", statement.firstLine()));
  }
}
