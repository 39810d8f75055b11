package dev.strata.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a {@link MigrationPlan}: a script and exactly the statements it will execute.
 *
 * @param id the migration
 * @param direction whether the step applies or reverts it
 * @param origin the script's file
 * @param checksum the script's checksum; {@code null} for a Java migration without one
 * @param statements the statements, in order; empty for a no-op script
 * @param transactional whether the step runs in one transaction with its history row; {@code false}
 *     when the database has no transactional DDL or a statement refuses transactions
 * @param phase its expand/contract phase
 */
public record PlannedMigration(
    MigrationId id,
    Direction direction,
    String origin,
    @Nullable String checksum,
    List<SqlStatement> statements,
    boolean transactional,
    MigrationPhase phase) {
  public PlannedMigration {
    statements = List.copyOf(statements);
  }
}
