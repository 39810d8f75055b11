package dev.strata.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackfillProgressTest {
  @Test
  void extrapolatesTheRateSoFarToTheRowsRemaining() {
    BackfillProgress p =
        BackfillProgress.of("person:1a2b3c4d", 5, 250, 1250, "5000", Duration.ofSeconds(5), 1000);

    assertThat(p.rowsPerSecond()).isEqualTo(50.0);
    assertThat(p.rowsRemaining()).isEqualTo(750);
    assertThat(p.eta()).hasValue(Duration.ofSeconds(15));
    assertThat(p)
        .hasToString(
            "person:1a2b3c4d: 5 batches, 250 rows (1250 in all runs), last key 5000, 5.0 s, 50 rows/s,"
                + " about 15.0 s left");
  }

  @Test
  void knowsNoRateBeforeTimeHasPassed() {
    BackfillProgress p = BackfillProgress.of("b", 1, 100, 100, "100", Duration.ZERO, 1000);

    assertThat(p.rowsPerSecond()).isZero();
    assertThat(p.eta()).isEmpty();
    assertThat(p.toString()).endsWith("0 rows/s, time left unknown");
  }

  @Test
  void knowsNoRateWhileNoRowWasUpdated() {
    BackfillProgress p = BackfillProgress.of("b", 3, 0, 0, "300", Duration.ofSeconds(2), 50);

    assertThat(p.eta()).isEmpty();
  }

  @Test
  void needsNoMoreTimeWhenNothingRemains() {
    BackfillProgress p = BackfillProgress.of("b", 1, 10, 10, "10", Duration.ZERO, 10);

    assertThat(p.eta()).hasValue(Duration.ZERO);
  }

  @Test
  void neverEstimatesANegativeRemainder() {
    // Other writers added matching rows after the count: more were updated than were counted.
    BackfillProgress p = BackfillProgress.of("b", 2, 120, 120, "200", Duration.ofSeconds(1), 100);

    assertThat(p.rowsRemaining()).isZero();
    assertThat(p.eta()).hasValue(Duration.ZERO);
  }

  @Test
  void capsAnEstimateTooLongForADuration() {
    BackfillProgress p =
        BackfillProgress.of("b", 1, 1, 1, "1", Duration.ofDays(365_000), Long.MAX_VALUE);

    assertThat(p.eta()).hasValueSatisfying(eta -> assertThat(eta).isPositive());
  }
}
