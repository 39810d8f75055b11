package dev.strata.api;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Strata throws. Messages name the object involved (version, {@code
 * file:line}, table, lock), say what happened and what to do next; {@link #code()} is stable and
 * meant for programs.
 */
public abstract class StrataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected StrataException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** A stable identifier of the kind of failure, such as {@code LOCK_TIMEOUT}. */
  public abstract String code();
}
