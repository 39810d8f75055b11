package dev.strata.tck.h2;

import dev.strata.tck.DialectConformanceTest;
import dev.strata.tck.DialectTckProvider;

/** The H2 dialect passes the TCK, run from a package of its own as a dialect author would. */
class H2ConformanceTest extends DialectConformanceTest {
  @Override
  protected DialectTckProvider tck() {
    return H2Tck.standard();
  }
}
