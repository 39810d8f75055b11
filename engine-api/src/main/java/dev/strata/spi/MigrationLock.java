package dev.strata.spi;

import java.sql.SQLException;

/** A migration lock held on a dedicated connection; {@link #close()} releases it. */
public interface MigrationLock extends AutoCloseable {
  /** Releases the lock. The connection stays open; the engine closes it afterwards. */
  @Override
  void close() throws SQLException;
}
