package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** What the jar declares to Spring Boot and to IDEs. */
class StarterMetadataTest {
  private static final Path CLASSES = Path.of("target", "classes", "META-INF");

  @Test
  void registersTheAutoConfigurations() {
    assertThat(
            ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates())
        .contains(
            StrataAutoConfiguration.class.getName(),
            StrataEndpointAutoConfiguration.class.getName(),
            StrataHealthContributorAutoConfiguration.class.getName());
  }

  @Test
  void registersTheDatabaseInitializerDetector() {
    assertThat(
            SpringFactoriesLoader.forDefaultResourceLocation()
                .load(DatabaseInitializerDetector.class))
        .extracting(d -> d.getClass().getName())
        .contains("dev.strata.spring.boot.internal.StrataMigrationInitializerDetector");
  }

  @Test
  void generatesConfigurationMetadataForEveryProperty() throws IOException {
    Path metadata = CLASSES.resolve("spring-configuration-metadata.json");
    assertThat(metadata).exists();
    String json = Files.readString(metadata);
    for (String name :
        new String[] {
          "enabled",
          "mode",
          "sources",
          "schema",
          "table",
          "target",
          "lock-timeout",
          "out-of-order",
          "ignore",
          "dialect",
          "url",
          "user",
          "password"
        }) {
      assertThat(json).contains("\"name\": \"strata." + name + "\"");
    }
    assertThat(json)
        .contains("\"defaultValue\": \"5m\"")
        .contains("\"defaultValue\": \"migrate\"")
        .contains("\"defaultValue\": \"classpath:db\\/migration\"");
  }

  @Test
  void generatesAutoConfigurationMetadata() {
    assertThat(CLASSES.resolve("spring-autoconfigure-metadata.properties")).exists();
  }
}
