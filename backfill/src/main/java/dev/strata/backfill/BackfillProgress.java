package dev.strata.backfill;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a running {@link Backfill} stands after a committed batch: given to the listener of {@link
 * Backfill#onProgress} once per batch. Immutable.
 *
 * <p>Counts marked "this run" start at zero when a run resumes a stopped one; {@link #rowsDone()}
 * is the total over every run. The estimate of what remains comes from one count of the matching
 * rows after the resume point, taken when the run starts, less the rows updated since: rows that
 * other writers add or change meanwhile make it drift, and {@link #eta()} extrapolates the rate of
 * this run (pauses included).
 */
public final class BackfillProgress {
  private final String name;
  private final long batches;
  private final long rowsUpdated;
  private final long rowsDone;
  private final String lastKey;
  private final Duration elapsed;
  private final long rowsRemaining;
  private final double rowsPerSecond;
  private final @Nullable Duration eta;

  private BackfillProgress(
      String name,
      long batches,
      long rowsUpdated,
      long rowsDone,
      String lastKey,
      Duration elapsed,
      long rowsRemaining,
      double rowsPerSecond,
      @Nullable Duration eta) {
    this.name = name;
    this.batches = batches;
    this.rowsUpdated = rowsUpdated;
    this.rowsDone = rowsDone;
    this.lastKey = lastKey;
    this.elapsed = elapsed;
    this.rowsRemaining = rowsRemaining;
    this.rowsPerSecond = rowsPerSecond;
    this.eta = eta;
  }

  /**
   * The progress after {@code rowsUpdated} rows in {@code elapsed}, of {@code remainingAtStart}
   * rows counted when the run started.
   */
  static BackfillProgress of(
      String name,
      long batches,
      long rowsUpdated,
      long rowsDone,
      String lastKey,
      Duration elapsed,
      long remainingAtStart) {
    long remaining = Math.max(0, remainingAtStart - rowsUpdated);
    double seconds = elapsed.getSeconds() + elapsed.getNano() / 1e9;
    double rate = seconds > 0 ? rowsUpdated / seconds : 0;
    Duration eta;
    if (remaining == 0) {
      eta = Duration.ZERO;
    } else if (rate > 0) {
      eta = Duration.ofMillis((long) Math.min(remaining * 1000.0 / rate, (double) Long.MAX_VALUE));
    } else {
      eta = null; // nothing measured yet
    }
    return new BackfillProgress(
        name, batches, rowsUpdated, rowsDone, lastKey, elapsed, remaining, rate, eta);
  }

  /** The backfill's name, as recorded in {@code strata_backfill}. */
  public String name() {
    return name;
  }

  /** The batches committed in this run. */
  public long batches() {
    return batches;
  }

  /** The rows updated in this run. */
  public long rowsUpdated() {
    return rowsUpdated;
  }

  /** The rows updated by every run of this backfill, this one included. */
  public long rowsDone() {
    return rowsDone;
  }

  /**
   * The key the last committed batch ended at (inclusive), as text; a later run resumes after it.
   */
  public String lastKey() {
    return lastKey;
  }

  /** The time since this run started, pauses included. */
  public Duration elapsed() {
    return elapsed;
  }

  /** An estimate of the rows still to update: the count taken at the start less those updated. */
  public long rowsRemaining() {
    return rowsRemaining;
  }

  /** The rows updated per second in this run so far; 0 while no time has been measured. */
  public double rowsPerSecond() {
    return rowsPerSecond;
  }

  /**
   * The estimated time to finish, {@link #rowsRemaining()} at {@link #rowsPerSecond()}; zero when
   * nothing remains, empty while the rate is not known yet (no time measured or no row updated).
   */
  public Optional<Duration> eta() {
    return Optional.ofNullable(eta);
  }

  /** For logs: {@code person:1a2b3c4d: 12 batches, 12000 rows (…), last key 12000, …}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %d batches, %d rows (%d in all runs), last key %s, %s, %.0f rows/s, %s",
        name,
        batches,
        rowsUpdated,
        rowsDone,
        lastKey,
        seconds(elapsed),
        rowsPerSecond,
        eta == null ? "time left unknown" : "about " + seconds(eta) + " left");
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
