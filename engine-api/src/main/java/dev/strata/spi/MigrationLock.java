package dev.strata.spi;

import java.sql.SQLException;

/** A migration lock held on a dedicated connection; {@link #close()} releases it. */
public interface MigrationLock extends AutoCloseable {
  /**
   * Throws when the lock is known to be lost (a lease taken over after it expired). The engine
   * calls it before each commit, besides checking that the lock's connection is alive; the default
   * knows nothing beyond the connection.
   */
  default void verifyHeld() throws SQLException {}

  /** Releases the lock. The connection stays open; the engine closes it afterwards. */
  @Override
  void close() throws SQLException;
}
