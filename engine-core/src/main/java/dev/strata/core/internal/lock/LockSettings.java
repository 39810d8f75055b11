package dev.strata.core.internal.lock;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the migration lock is taken.
 *
 * @param timeout how long to wait for another migrator's lock
 * @param leaseTimeToLive the lease's life when the engine's {@link LeaseLock} is used instead of
 *     the dialect's lock; {@code null} for the dialect's
 */
public record LockSettings(Duration timeout, @Nullable Duration leaseTimeToLive, Clock clock) {
  /** Whether the lock is the engine's lease, whose table lives in the history's schema. */
  public boolean lease() {
    return leaseTimeToLive != null;
  }
}
