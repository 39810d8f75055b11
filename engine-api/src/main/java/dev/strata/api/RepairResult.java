package dev.strata.api;

import java.util.List;

/**
 * What {@code repair} recorded.
 *
 * @param clearedFailures migrations whose failed attempt was cleared
 * @param realignedChecksums migrations whose edited source was accepted
 */
public record RepairResult(
    List<MigrationId> clearedFailures, List<MigrationId> realignedChecksums) {
  public RepairResult {
    clearedFailures = List.copyOf(clearedFailures);
    realignedChecksums = List.copyOf(realignedChecksums);
  }
}
