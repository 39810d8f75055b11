package dev.strata.dialect.mysql.tck;

import dev.strata.tck.DialectConformanceTest;
import dev.strata.tck.DialectTckProvider;

/** The MySQL dialect passes the dialect TCK against the real MariaDB server. */
class MySqlConformanceIT extends DialectConformanceTest {
  @Override
  protected DialectTckProvider tck() {
    return MySqlTck.mariaDb();
  }
}
