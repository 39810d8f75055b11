package dev.strata.testsupport.internal;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** What a test does when its database is missing: skip locally, fail under {@code CI=true}. */
public final class Unavailability {
  private Unavailability() {}

  /**
   * Always throws: the JUnit abort (the test shows as skipped with {@code reason}), or, when {@code
   * env} has {@code CI=true}, an assertion failure, since CI must not pass by skipping.
   */
  public static void abortOrFail(String reason, Function<String, @Nullable String> env) {
    if ("true".equalsIgnoreCase(env.apply("CI"))) {
      Assertions.fail(reason + " (CI=true, so a missing database fails the test.)");
    }
    Assumptions.abort(reason);
  }
}
