package dev.strata.api;

/**
 * Strata could not talk to the database: it cannot connect (wrong password, unknown host), or a
 * query of its own failed. Nothing was applied by the failing call.
 */
public final class DatabaseAccessException extends StrataException {
  private static final long serialVersionUID = 1L;

  public DatabaseAccessException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String code() {
    return "DATABASE";
  }
}
