package dev.strata.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the append-only history table.
 *
 * @param rank the row's position in the audit trail (1, 2, ...)
 * @param id the migration the row is about
 * @param action what happened
 * @param script the script's file, as the source named it
 * @param checksum the script's checksum at the time, {@code null} for baselines
 * @param success whether it succeeded; a failed row stays until {@code repair}
 * @param statementsApplied how many statements had completed when the row was last written; a
 *     negative {@code -k} says statement k was running when the row was last written (the process
 *     died or lost its connection then), so it may have completed on the server
 * @param installedBy the database user
 * @param installedAt when the row was written
 * @param durationMs how long the action took
 * @param engineVersion the Strata version that wrote the row
 * @param runId the run that wrote the row: one id per command that changed the database; {@code
 *     null} on rows an earlier Strata wrote
 * @param release the release label that run was given ({@code strata.release}), {@code null} when
 *     none
 */
public record HistoryEntry(
    long rank,
    MigrationId id,
    HistoryAction action,
    String script,
    @Nullable String checksum,
    boolean success,
    int statementsApplied,
    String installedBy,
    Instant installedAt,
    long durationMs,
    String engineVersion,
    @Nullable String runId,
    @Nullable String release) {

  /** A row without a run, as an earlier Strata wrote them. */
  public HistoryEntry(
      long rank,
      MigrationId id,
      HistoryAction action,
      String script,
      @Nullable String checksum,
      boolean success,
      int statementsApplied,
      String installedBy,
      Instant installedAt,
      long durationMs,
      String engineVersion) {
    this(
        rank,
        id,
        action,
        script,
        checksum,
        success,
        statementsApplied,
        installedBy,
        installedAt,
        durationMs,
        engineVersion,
        null,
        null);
  }
}
