package dev.strata.core.internal.lock;

import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;

/**
 * What the migration lock protects: one history table. Its name, {@code strata:<schema>.<table>},
 * is what dialects derive their lock keys from.
 */
public record LockTarget(Dialect dialect, String name, String historyTable, String leaseTable) {
  /**
   * The lock of the history table {@code table} in {@code schema}, qualified as {@code qualified}.
   */
  public static LockTarget of(Dialect dialect, String schema, String table, String qualified) {
    return new LockTarget(
        dialect,
        LockRequest.nameFor(schema, table),
        qualified,
        dialect.quote(schema) + "." + dialect.quote(leaseTable(table)));
  }

  /** The name of the lease table of history table {@code table}, unquoted. */
  public static String leaseTable(String table) {
    return table + "_lease";
  }
}
