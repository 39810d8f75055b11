package dev.strata.tck;

/**
 * A group of conformance checks, run as a {@code @Nested} class of {@link DialectConformanceTest},
 * which supplies each test's fixture.
 */
abstract class ConformanceGroup {
  /** The running test's fixture. */
  abstract TckFixture fixture();
}
