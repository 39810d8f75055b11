package dev.strata.dialect.mysql.tck;

import dev.strata.tck.DialectConformanceTest;
import dev.strata.tck.DialectTckProvider;
import dev.strata.testsupport.MySql8Test;

/**
 * The MySQL dialect passes the dialect TCK against MySQL 8 itself: {@code STRATA_TEST_MYSQL8_URL},
 * else a Testcontainers {@code mysql:8.4} container; skipped with the reason (even under {@code
 * CI=true}) when neither exists.
 */
@MySql8Test
class MySql8ConformanceIT extends DialectConformanceTest {
  @Override
  protected DialectTckProvider tck() {
    return MySqlTck.mySql8();
  }
}
