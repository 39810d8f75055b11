package dev.strata.testsupport.internal;

import java.sql.SQLException;

/**
 * Thrown by {@link ServerProbe#jdbcConnect} when the server answers but is not of the kind asked
 * for (MariaDB where MySQL 8 is wanted), so the reason says so instead of "cannot connect".
 */
public final class ServerMismatchException extends SQLException {
  private static final long serialVersionUID = 1L;

  /** A mismatch described by {@code reason}, such as {@code it is MariaDB (…), not MySQL 8}. */
  public ServerMismatchException(String reason) {
    super(reason);
  }
}
