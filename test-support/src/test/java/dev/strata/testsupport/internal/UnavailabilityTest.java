package dev.strata.testsupport.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class UnavailabilityTest {
  @Test
  void abortsTheTestWithTheReasonOutsideCi() {
    assertThatThrownBy(
            () -> Unavailability.abortOrFail("no PostgreSQL", Map.<String, String>of()::get))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no PostgreSQL");
  }

  @Test
  void failsTheTestWithTheReasonUnderCi() {
    assertThatThrownBy(() -> Unavailability.abortOrFail("no PostgreSQL", Map.of("CI", "true")::get))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage("no PostgreSQL (CI=true, so a missing database fails the test.)");
  }

  @Test
  void abortsWhenCiIsSetToSomethingOtherThanTrue() {
    assertThatThrownBy(() -> Unavailability.abortOrFail("no MySQL", Map.of("CI", "false")::get))
        .isInstanceOf(TestAbortedException.class);
  }
}
