package dev.strata.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Another migrator held the migration lock for longer than the configured lock timeout. */
public final class LockTimeoutException extends StrataException {
  private static final long serialVersionUID = 1L;
  private final String lockName;

  public LockTimeoutException(String lockName, Duration waited, @Nullable String holder) {
    super(
        "Timed out after "
            + waited.toMillis()
            + " ms waiting for the migration lock "
            + lockName
            + (holder == null ? "" : ", held by " + holder)
            + ". Another migrator is running; wait for it, or raise"
            + " strata.lockTimeout.",
        null);
    this.lockName = lockName;
  }

  public String lockName() {
    return lockName;
  }

  @Override
  public String code() {
    return "LOCK_TIMEOUT";
  }
}
