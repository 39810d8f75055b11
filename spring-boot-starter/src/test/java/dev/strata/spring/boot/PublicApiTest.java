package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.ApiSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The starter's public API against the checked-in file, so that every change is seen in review. */
class PublicApiTest {
  @Test
  void starterApiIsTheRecordedOne() {
    assertThat(
            ApiSnapshot.compare(
                ApiSnapshot.of(StrataProperties.class, "dev.strata.spring."),
                Path.of("src/test/resources/public-api/spring-boot-starter.txt")))
        .isEmpty();
  }
}
