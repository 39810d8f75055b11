package dev.strata.api;

import java.util.Locale;

/** How dangerous a lint finding is. */
public enum LintSeverity {
  /** Worth knowing; never fails {@code lint}. */
  INFO,
  /** Dangerous in some deployments (locks a busy table, breaks old code): fails by default. */
  WARNING,
  /** Dangerous in every deployment. */
  ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
