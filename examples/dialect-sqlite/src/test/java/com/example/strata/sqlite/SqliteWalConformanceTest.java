package com.example.strata.sqlite;

import dev.strata.tck.DialectConformanceTest;
import dev.strata.tck.DialectTckProvider;

/**
 * The TCK again, on WAL databases whose transactions begin with {@code BEGIN IMMEDIATE}: the lock
 * must not take the migrated database's write lock, whatever the driver's transaction mode.
 */
class SqliteWalConformanceTest extends DialectConformanceTest {
  @Override
  protected DialectTckProvider tck() {
    return SqliteTck.walWithImmediateTransactions();
  }
}
