package dev.strata.api;

/** Whether a script applies a migration ({@link #UP}) or reverts it ({@link #DOWN}). */
public enum Direction {
  UP,
  DOWN
}
