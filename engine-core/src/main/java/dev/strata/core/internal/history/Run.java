package dev.strata.core.internal.history;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One command that changes the database, as its history rows record it: an id of its own and the
 * release label it was given. {@code down --last-run} and {@code down --to-release} select
 * migrations by them.
 *
 * @param id unique to the command
 * @param release {@code strata.release}, {@code null} when none was given
 */
public record Run(String id, @Nullable String release) {
  /** A new run, with an id no other run has. */
  public static Run start(@Nullable String release) {
    return new Run(UUID.randomUUID().toString(), release);
  }
}
