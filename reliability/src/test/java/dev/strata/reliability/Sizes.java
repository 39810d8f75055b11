package dev.strata.reliability;

/**
 * How big the suite's runs are. The defaults keep the whole module to a few minutes; {@code
 * -Dstrata.reliability.full=true} (passed on to the test JVMs by this module's POM) runs the
 * heavier sizes, and the tests that exist only at full size (the 50 MB migration).
 */
final class Sizes {
  /** The system property that selects the heavier sizes. */
  static final String FULL_PROPERTY = "strata.reliability.full";

  static final boolean FULL = Boolean.getBoolean(FULL_PROPERTY);

  private Sizes() {}

  /** How many small migrations the concurrent migrators apply: 50, or 200 at full size. */
  static int migrations() {
    return FULL ? 200 : 50;
  }

  /** How many migrator threads (each with its own Strata instance): 20, or 50 at full size. */
  static int threads() {
    return FULL ? 50 : 20;
  }

  /** How many migrator processes besides the threads: 2, or 8 at full size. */
  static int processes() {
    return FULL ? 8 : 2;
  }

  /** How many random scripts each parser gets: 2,000, or 20,000 at full size. */
  static int fuzzCases() {
    return FULL ? 20_000 : 2_000;
  }

  /**
   * How many randomly cut runs each dialect gets: 100, or 500 at full size; {@code
   * -Dstrata.reliability.cuts=N} sets it.
   */
  static int cutTrials() {
    return Integer.getInteger("strata.reliability.cuts", FULL ? 500 : 100);
  }
}
