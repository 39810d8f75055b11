package dev.strata.api;

import java.util.Locale;

/**
 * The phase of an expand/contract deployment a migration belongs to. Expand migrations only add
 * (old code keeps working); contract migrations remove what old code still used, and run only once
 * every earlier expand migration is applied and the new code is deployed.
 */
public enum MigrationPhase {
  /** Backward-compatible: safe to apply before the code that needs it is deployed. The default. */
  EXPAND,
  /** Backward-incompatible: drops or renames what old code used; applied after the deploy. */
  CONTRACT;

  /** {@code expand} or {@code contract}, as directives and output write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
