package com.example.junit5;

import dev.strata.tck.DialectConformanceTest;
import dev.strata.tck.DialectTckProvider;

/** The dialect TCK runs on JUnit 5.14 as on 6: here with Strata's H2 dialect. */
class H2ConformanceTest extends DialectConformanceTest {
  @Override
  protected DialectTckProvider tck() {
    return new H2Tck();
  }
}
