package dev.strata.backfill;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link Backfill#run} did. When it returns, the backfill is finished: every key up to the
 * table's last was visited, by this run or earlier ones. Immutable.
 */
public final class BackfillResult {
  private final String name;
  private final long batches;
  private final long rowsUpdated;
  private final long rowsDone;
  private final @Nullable String lastKey;
  private final Duration elapsed;
  private final boolean resumed;
  private final boolean alreadyFinished;

  BackfillResult(
      String name,
      long batches,
      long rowsUpdated,
      long rowsDone,
      @Nullable String lastKey,
      Duration elapsed,
      boolean resumed,
      boolean alreadyFinished) {
    this.name = name;
    this.batches = batches;
    this.rowsUpdated = rowsUpdated;
    this.rowsDone = rowsDone;
    this.lastKey = lastKey;
    this.elapsed = elapsed;
    this.resumed = resumed;
    this.alreadyFinished = alreadyFinished;
  }

  /** The backfill's name, as recorded in {@code strata_backfill}. */
  public String name() {
    return name;
  }

  /** The batches this run committed. */
  public long batches() {
    return batches;
  }

  /** The rows this run updated. */
  public long rowsUpdated() {
    return rowsUpdated;
  }

  /** The rows updated by every run of this backfill. */
  public long rowsDone() {
    return rowsDone;
  }

  /** The last key a batch covered, as text; empty when the table had no rows to visit. */
  public Optional<String> lastKey() {
    return Optional.ofNullable(lastKey);
  }

  /** How long this run took. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Whether this run continued after the last key of an earlier, stopped run. */
  public boolean resumed() {
    return resumed;
  }

  /** Whether an earlier run had finished the backfill, so that this one changed nothing. */
  public boolean alreadyFinished() {
    return alreadyFinished;
  }

  /** For logs: {@code backfill person:1a2b3c4d finished: 3 batches, 2500 rows in 0.4 s}. */
  @Override
  public String toString() {
    if (alreadyFinished) {
      return "backfill " + name + " was already finished (" + rowsDone + " rows): nothing to do";
    }
    return "backfill "
        + name
        + " finished: "
        + batches
        + " batches, "
        + rowsUpdated
        + " rows in "
        + BackfillProgress.seconds(elapsed)
        + (resumed ? " (resumed; " + rowsDone + " rows in all runs)" : "");
  }
}
