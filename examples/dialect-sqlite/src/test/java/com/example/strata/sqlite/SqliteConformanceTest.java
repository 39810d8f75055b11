package com.example.strata.sqlite;

import dev.strata.tck.DialectConformanceTest;
import dev.strata.tck.DialectTckProvider;

/** The SQLite dialect passes the Strata dialect TCK, on databases with SQLite's defaults. */
class SqliteConformanceTest extends DialectConformanceTest {
  @Override
  protected DialectTckProvider tck() {
    return SqliteTck.defaults();
  }
}
