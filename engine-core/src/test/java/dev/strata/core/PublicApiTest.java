package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrationVersion;
import dev.strata.testsupport.ApiSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public API of {@code engine-api} (types and SPI) and {@code engine-core} (the facade) against
 * the checked-in files, so that every change to it is seen in review.
 */
class PublicApiTest {
  @Test
  void engineApiIsTheRecordedOne() {
    assertThat(
            ApiSnapshot.compare(
                ApiSnapshot.of(MigrationVersion.class, "dev.strata.api.", "dev.strata.spi."),
                Path.of("src/test/resources/public-api/engine-api.txt")))
        .isEmpty();
  }

  @Test
  void engineCoreIsTheRecordedOne() {
    assertThat(
            ApiSnapshot.compare(
                ApiSnapshot.of(Strata.class, "dev.strata.core."),
                Path.of("src/test/resources/public-api/engine-core.txt")))
        .isEmpty();
  }
}
