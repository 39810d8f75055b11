package dev.strata.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.ApiSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The backfill's public API against the checked-in file, so that every change is seen in review.
 */
class PublicApiTest {
  @Test
  void backfillApiIsTheRecordedOne() {
    assertThat(
            ApiSnapshot.compare(
                ApiSnapshot.of(Backfill.class, "dev.strata.backfill."),
                Path.of("src/test/resources/public-api/backfill.txt")))
        .isEmpty();
  }
}
