package dev.strata.junit.internal;

/** No database of the kind a test asks for can be had here; the message says what to set. */
public final class DatabaseUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  DatabaseUnavailableException(String message) {
    super(message);
  }
}
