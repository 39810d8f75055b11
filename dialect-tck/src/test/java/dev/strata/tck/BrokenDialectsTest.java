package dev.strata.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.strata.tck.h2.H2Tck;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * A conformance kit that cannot fail proves nothing: the suite runs against H2's dialect with one
 * thing deliberately broken, and exactly the checks for that thing must fail, while H2 as it is
 * passes them all. The suites are nested classes, which Surefire does not run on its own; they run
 * here through the JUnit Platform's test kit.
 */
class BrokenDialectsTest {

  /**
   * Fails for every broken variant, rightly: they are presented as providers that are not
   * registered with {@link java.util.ServiceLoader}, so it finds H2's own provider instead.
   */
  private static final String NOT_REGISTERED = "isFoundByServiceLoaderFromTheConnectionMetadata";

  @Test
  void passesH2AsItIs() {
    assertThat(failedChecks(Unbroken.class)).isEmpty();
  }

  @Test
  void failsALockThatIsNotExclusiveAndNothingElse() {
    Set<String> lockChecks =
        Set.of(
            "refusesTheLockToAnotherConnectionWhileItIsHeld",
            "grantsTheLockToAWaiterOnceTheHolderReleasesIt",
            "admitsOneHolderAtATimeUnderContention",
            // Neither process waits for a lock that does not exclude.
            "twoProcessesRevertingTheLastRunAtOnceRevertItOnce");
    // Four migrators starting together apply V1 twice only when they happen to overlap.
    String racy = "createsTheTableOnceWhenFourMigratorsStartTogether";

    Set<String> failed = failedChecks(NonExclusiveLock.class);

    assertThat(failed).contains(NOT_REGISTERED).containsAll(lockChecks);
    assertThat(failed).isSubsetOf(union(lockChecks, Set.of(NOT_REGISTERED, racy)));
  }

  @Test
  void failsAParserThatSplitsInsideQuotesAndCommentsAndNothingElse() {
    assertThat(failedChecks(SplitsOnEverySemicolon.class))
        .containsExactlyInAnyOrder(
            NOT_REGISTERED,
            "keepsASemicolonInsideAStringLiteralWithDoubledQuotes",
            "keepsASemicolonInsideAQuotedIdentifier",
            "ignoresASemicolonInALineComment",
            "ignoresASemicolonInABlockCommentAndKeepsCommentsInsideAStatement",
            "countsWindowsLineEndingsAsOneLineEach",
            "findsNoStatementsInEmptyOrCommentOnlyScripts",
            "rejectsAnUnterminatedStringNamingTheLineItStartsOn",
            "rejectsAnUnterminatedBlockCommentNamingTheLineItStartsOn",
            "splitsTheDialectsOwnTrickyScripts",
            "runsAStringWithASemicolonThroughTheEngineIntact");
  }

  @Test
  void failsAClaimOfTransactionalDdlThatDoesNotHoldAndNothingElse() {
    assertThat(failedChecks(ClaimsTransactionalDdl.class))
        .containsExactlyInAnyOrder(
            NOT_REGISTERED, "leavesNothingBehindWhenATransactionalMigrationFails");
  }

  @Test
  void failsALockThatOutlivesItsConnectionAndNothingElse() {
    assertThat(failedChecks(LockOutlivesItsConnection.class))
        .containsExactlyInAnyOrder(NOT_REGISTERED, "releasesTheLockWhenTheHoldingConnectionDies");
  }

  @Test
  void failsAProviderThatClaimsEveryDatabaseAndNothingElse() {
    assertThat(failedChecks(ClaimsEveryDatabase.class))
        .containsExactlyInAnyOrder(NOT_REGISTERED, "supportsItsSampleProductAndNoUnknownDatabase");
  }

  /**
   * The names of the checks (test methods) that failed when running {@code suite}, each printed
   * with the first line of its failure so that a run shows why.
   */
  static Set<String> failedChecks(Class<? extends DialectConformanceTest> suite) {
    Events tests =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute().testEvents();
    Set<String> failed = new TreeSet<>();
    for (Event e : tests.failed().list()) {
      String check = checkName(e.getTestDescriptor().getUniqueId());
      failed.add(check);
      String why =
          e.getPayload(TestExecutionResult.class)
              .flatMap(TestExecutionResult::getThrowable)
              .map(t -> String.valueOf(t.getMessage()).strip().lines().findFirst().orElse(""))
              .orElse("");
      System.out.println(suite.getSimpleName() + " fails " + check + ": " + why);
    }
    return failed;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String checkName(UniqueId id) {
    for (UniqueId.Segment s : id.getSegments()) {
      if (s.getType().equals("method") || s.getType().equals("test-factory")) {
        return s.getValue().substring(0, s.getValue().indexOf('('));
      }
    }
    return id.toString();
  }

  static class Unbroken extends DialectConformanceTest {
    @Override
    protected DialectTckProvider tck() {
      return H2Tck.standard();
    }
  }

  static class NonExclusiveLock extends DialectConformanceTest {
    @Override
    protected DialectTckProvider tck() {
      return H2Tck.with(BrokenDialects.nonExclusiveLock(), Capabilities.basic());
    }
  }

  static class SplitsOnEverySemicolon extends DialectConformanceTest {
    @Override
    protected DialectTckProvider tck() {
      return H2Tck.with(BrokenDialects.splitsOnEverySemicolon(), Capabilities.basic());
    }
  }

  static class ClaimsTransactionalDdl extends DialectConformanceTest {
    @Override
    protected DialectTckProvider tck() {
      return H2Tck.with(
          BrokenDialects.claimsTransactionalDdl(), Capabilities.basic().withTransactionalDdl(true));
    }
  }

  static class LockOutlivesItsConnection extends DialectConformanceTest {
    @Override
    protected DialectTckProvider tck() {
      return H2Tck.with(BrokenDialects.lockOutlivesItsConnection(), Capabilities.basic());
    }
  }

  static class ClaimsEveryDatabase extends DialectConformanceTest {
    @Override
    protected DialectTckProvider tck() {
      return H2Tck.with(BrokenDialects.claimsEveryDatabase(), Capabilities.basic());
    }
  }
}
