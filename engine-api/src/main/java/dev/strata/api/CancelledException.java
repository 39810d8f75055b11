package dev.strata.api;

/**
 * The command was stopped on request ({@code Strata.cancel()}, e.g. on SIGTERM): the running
 * statement was cancelled, the migration rolled back where the database allows and recorded, and
 * the lock released. The message says what state the interrupted migration was left in.
 */
public final class CancelledException extends StrataException {
  private static final long serialVersionUID = 1L;

  public CancelledException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String code() {
    return "CANCELLED";
  }
}
