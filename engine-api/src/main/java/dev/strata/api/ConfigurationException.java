package dev.strata.api;

import org.jspecify.annotations.Nullable;

/** The configuration is incomplete or contradictory; the message names the option to change. */
public final class ConfigurationException extends StrataException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    this(message, null);
  }

  public ConfigurationException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  @Override
  public String code() {
    return "CONFIGURATION";
  }
}
