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

  /**
   * Whether the lock belongs to the connection's session, not to a transaction or a renewing thread
   * ({@code pg_advisory_lock}, {@code GET_LOCK}): other statements may then run on the connection,
   * in autocommit, while the lock is held, and none of them can release it. The engine then writes
   * there the history rows of migrations that run outside a transaction, so that what a script does
   * to its own session ({@code SET ROLE}, {@code LOCK TABLES}, {@code USE}) cannot break them, and
   * takes a successful write as proof that the lock is still held. {@link #verifyHeld} then checks
   * what the connection cannot show, such as that it still reaches the session holding the lock (a
   * pooler in transaction mode moves it between server sessions); the engine also calls it once
   * while the migration connection holds a transaction open, before any work. Default {@code false}
   * (a row lock holds its transaction open).
   */
  default boolean sessionLevel() {
    return false;
  }

  /** Releases the lock. The connection stays open; the engine closes it afterwards. */
  @Override
  void close() throws SQLException;
}
