package dev.strata.spi;

import dev.strata.api.MigrationPhase;
import dev.strata.api.SqlStatement;

/**
 * One statement as lint rules see it.
 *
 * @param statement the statement
 * @param tokens its words
 * @param phase the phase of its migration: removing what old code uses is fine in a contract
 *     migration
 * @param transactional whether its migration runs in a transaction
 * @param newTables tells whether a table was created by a pending migration of the same run (or
 *     earlier in the same one): locking a new, empty table is harmless
 */
public record LintContext(
    SqlStatement statement,
    SqlTokens tokens,
    MigrationPhase phase,
    boolean transactional,
    java.util.function.Predicate<String> newTables) {

  /** Whether {@code table} (lower case) is new in this run. */
  public boolean isNew(String table) {
    return newTables.test(table);
  }
}
