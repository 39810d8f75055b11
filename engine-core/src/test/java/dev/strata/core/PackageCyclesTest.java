package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.PackageCycles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * No package of {@code engine-api} or {@code engine-core} imports, directly or through others, from
 * a package that imports from it: the SPI's contracts never from its helpers, the facade's public
 * package never from below and back, each internal room only downwards.
 */
class PackageCyclesTest {
  @Test
  void engineApiAndEngineCoreHaveNoPackageCycle() {
    assertThat(
            PackageCycles.in(
                "dev.strata.", Path.of("../engine-api/src/main/java"), Path.of("src/main/java")))
        .isEmpty();
  }
}
