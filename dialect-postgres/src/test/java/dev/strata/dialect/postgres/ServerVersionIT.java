package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.sql.Connection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * In each run of the version matrix (see this module's pom), that the tests reach the server
 * version the run is for, and not the local server.
 */
@PostgresTest
class ServerVersionIT {
  @Test
  void runsOnTheServerVersionTheMatrixAsksFor(IsolatedDatabase db) throws Exception {
    String expected = System.getProperty("strata.test.server.version");
    Assumptions.assumeTrue(expected != null, "not a run of the version matrix");
    try (Connection c = db.connect()) {
      assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith(expected);
    }
  }
}
