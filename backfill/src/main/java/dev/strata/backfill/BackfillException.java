package dev.strata.backfill;

import dev.strata.api.StrataException;
import org.jspecify.annotations.Nullable;

/**
 * A backfill cannot run as configured (it would run inside a transaction, its name was used for
 * another table or key, its key column has a type it cannot page over), or it was stopped by an
 * interrupt. The message names the backfill, says which of its batches are committed and what to
 * do. Errors of the database itself are thrown as {@link java.sql.SQLException}, SQLSTATE kept.
 */
public final class BackfillException extends StrataException {
  private static final long serialVersionUID = 1L;

  private final String backfill;

  BackfillException(String backfill, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.backfill = backfill;
  }

  /** The name of the backfill, as recorded in {@code strata_backfill}. */
  public String backfill() {
    return backfill;
  }

  @Override
  public String code() {
    return "BACKFILL";
  }
}
