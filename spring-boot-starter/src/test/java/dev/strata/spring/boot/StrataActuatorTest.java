package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.Strata;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StrataActuatorTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  StrataAutoConfiguration.class,
                  StrataEndpointAutoConfiguration.class,
                  StrataHealthContributorAutoConfiguration.class))
          .withPropertyValues(
              "spring.datasource.generate-unique-name=true",
              "management.endpoints.web.exposure.include=strata");

  @Test
  void theEndpointListsEveryMigrationWithItsState() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed().hasSingleBean(StrataEndpoint.class);
          StrataEndpoint.StrataReport report = context.getBean(StrataEndpoint.class).strata();
          StrataEndpoint.ContextEngines engines = report.contexts().get(context.getId());
          assertThat(engines.parentId()).isNull();
          StrataEndpoint.EngineStatus strata = engines.strataBeans().get("strata");
          assertThat(strata.table()).isEqualTo("strata_schema_history");
          assertThat(strata.sources()).containsExactly("classpath:db/migration");
          assertThat(strata.migrations())
              .extracting(
                  StrataEndpoint.MigrationStatus::version, StrataEndpoint.MigrationStatus::state)
              .containsExactly(
                  org.assertj.core.groups.Tuple.tuple("1", "applied"),
                  org.assertj.core.groups.Tuple.tuple("2", "applied"));
          assertThat(strata.migrations())
              .allSatisfy(
                  m -> {
                    assertThat(m.appliedAt()).isNotNull();
                    assertThat(m.appliedBy()).isEqualTo("SA");
                    assertThat(m.origin()).startsWith("classpath:db/migration/V");
                  });
        });
  }

  @Test
  void theEndpointShowsPendingMigrations() {
    runner
        .withPropertyValues("strata.mode=none")
        .run(
            context -> {
              StrataEndpoint.EngineStatus strata =
                  context
                      .getBean(StrataEndpoint.class)
                      .strata()
                      .contexts()
                      .get(context.getId())
                      .strataBeans()
                      .get("strata");
              assertThat(strata.migrations())
                  .extracting(StrataEndpoint.MigrationStatus::state)
                  .containsOnly("pending");
              assertThat(strata.migrations())
                  .extracting(StrataEndpoint.MigrationStatus::appliedAt)
                  .containsOnlyNulls();
            });
  }

  @Test
  void theEndpointNeedsToBeExposed() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class,
                StrataAutoConfiguration.class,
                StrataEndpointAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true")
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(Strata.class)
                    .doesNotHaveBean(StrataEndpoint.class));
  }

  @Test
  void theEndpointBacksOffWithoutActuator() {
    runner
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(StrataEndpoint.class);
            });
  }

  @Test
  void theEndpointBacksOffWithoutAnEngine() {
    runner
        .withPropertyValues("strata.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(StrataEndpoint.class));
  }

  @Test
  void healthIsUpWhenTheDatabaseMatchesTheMigrations() {
    runner.run(
        context -> {
          Health health =
              health(context.getBean("strataHealthContributor", HealthContributor.class));
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("sources", List.of("classpath:db/migration"));
        });
  }

  @Test
  void healthIsDownWithTheProblemsOnAMismatch() {
    runner
        .withPropertyValues("strata.mode=none")
        .run(
            context -> {
              Health health =
                  health(context.getBean("strataHealthContributor", HealthContributor.class));
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().get("problems"))
                  .asInstanceOf(
                      org.assertj.core.api.InstanceOfAssertFactories.list(
                          StrataHealthIndicator.Problem.class))
                  .extracting(
                      StrataHealthIndicator.Problem::kind, StrataHealthIndicator.Problem::version)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("pending", "1"),
                      org.assertj.core.groups.Tuple.tuple("pending", "2"));
            });
  }

  @Test
  void healthCanBeDisabled() {
    runner
        .withPropertyValues("management.health.strata.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("strataHealthContributor"));
  }

  // Spring Boot 3 has health inside Actuator: strata-spring-boot3-starter leaves this one out.
  @Test
  @Tag("spring-boot-4")
  void healthBacksOffWithoutSpringBootHealth() {
    runner
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("strataHealthContributor");
              assertThat(context).hasSingleBean(StrataEndpoint.class);
            });
  }

  private static Health health(HealthContributor contributor) {
    assertThat(contributor).isInstanceOf(HealthIndicator.class);
    Health health = ((HealthIndicator) contributor).health();
    assertThat(health).isNotNull();
    return health;
  }
}
