package com.example.orders;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.strata.junit.MigratedDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.TestAbortedException;

/** Bad configuration fails the test with a message that names the problem and the fix. */
class MisconfigurationTest {
  @MigratedDatabase(options = "lockTimout=5s")
  static class MistypedOption {
    @Test
    void test(DataSource db) {}
  }

  @MigratedDatabase(options = "url=jdbc:h2:mem:other")
  static class ConnectionOption {
    @Test
    void test(DataSource db) {}
  }

  @MigratedDatabase(locations = "classpath:db/nothing-here-broken")
  static class BrokenMigrations {
    @Test
    void test(DataSource db) {}
  }

  @MigratedDatabase(database = MigratedDatabase.Database.MYSQL)
  static class MySqlWithoutAServer {
    @Test
    void test(DataSource db) {}
  }

  @Test
  void aMissingServerSkipsWithWhatToSetOrFailsUnderCi() {
    Assumptions.assumeTrue(
        System.getenv("STRATA_TEST_MYSQL_URL") == null, "STRATA_TEST_MYSQL_URL is set here");
    var events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(MySqlWithoutAServer.class))
            .execute()
            .allEvents()
            .assertThatEvents();
    var reason = message(m -> m.contains("STRATA_TEST_MYSQL_URL is not set"));
    if ("true".equals(System.getenv("CI"))) {
      events.haveExactly(
          1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class), reason));
    } else {
      events.haveExactly(1, abortedWithReason(instanceOf(TestAbortedException.class), reason));
    }
  }

  @Test
  void aMistypedOptionIsNamedWithTheKnownOnes() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(MistypedOption.class))
        .execute()
        .allEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("unknown option 'lockTimout'") && m.contains("lockTimeout"))));
  }

  @Test
  void connectionOptionsAreRefused() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(ConnectionOption.class))
        .execute()
        .allEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("option url is set by the extension"))));
  }

  @Test
  void aFailingMigrationNamesTheLocation() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(BrokenMigrations.class))
        .execute()
        .allEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("classpath:db/nothing-here-broken") && m.contains("V1__broken.sql"))));
  }
}
