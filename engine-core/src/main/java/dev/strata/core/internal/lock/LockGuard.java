package dev.strata.core.internal.lock;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Confirms that the migration lock is still held before work that must not run without it: if the
 * lock's connection died (the server terminated it), another migrator may already hold the lock, so
 * the executor stops instead of committing.
 */
@FunctionalInterface
public interface LockGuard {
  /** A guard for work that holds no lock (none is needed, or it is checked elsewhere). */
  LockGuard NONE = () -> {};

  /** Throws {@link LockLostException} when the lock is no longer held. */
  void verifyHeld() throws SQLException;

  /**
   * The lock's connection where history rows may be written on it while the lock is held (a
   * session-level lock, see {@link dev.strata.spi.MigrationLock#sessionLevel}); {@code null} where
   * they may not. A write that succeeds there proves the lock held.
   */
  default @Nullable Connection connection() {
    return null;
  }

  /** The lock is gone: stop before the next statement. The migration's own connection is fine. */
  final class LockLostException extends SQLException {
    private static final long serialVersionUID = 1L;

    public LockLostException(String message, Throwable cause) {
      super(message, "08006", cause);
    }
  }
}
