package dev.strata.core;

import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;

/**
 * What the migration lock protects: one history table. Its name, {@code strata:<schema>.<table>},
 * is what dialects derive their lock keys from.
 */
record LockTarget(Dialect dialect, String name, String historyTable, String leaseTable) {
  static LockTarget of(Session session, String table) {
    return new LockTarget(
        session.dialect,
        LockRequest.nameFor(session.schema, table),
        session.history.qualifiedName(),
        session.dialect.quote(session.schema) + "." + session.dialect.quote(table + "_lease"));
  }
}
