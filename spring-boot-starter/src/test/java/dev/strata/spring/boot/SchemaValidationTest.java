package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.strata.api.schema.SchemaDriftException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code strata.validate-schema=true} on H2: the application refuses to start on drift (an index
 * made by hand after {@code migrate}), naming each difference, and health and the endpoint show the
 * comparison. (The failure analysis is in {@code StrataFailureAnalyzerTest}.)
 */
class SchemaValidationTest {
  private final String url = H2.newUrl("drift");
  private final DataSource database = H2.dataSource(url);
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
              "strata.url=" + url,
              "management.endpoints.web.exposure.include=strata");

  @Test
  void startsWhenTheSchemaIsWhatTheMigrationsMake() {
    runner
        .withPropertyValues("strata.validate-schema=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(H2.tables(database)).contains("PEOPLE");
            });
  }

  @Test
  void refusesToStartOnAnIndexMadeByHandAfterMigrateListingTheDifference() {
    runner.run(context -> assertThat(context).hasNotFailed());
    H2.execute(database, "CREATE INDEX hand_made ON people (name)");

    runner.run(context -> assertThat(context).as("validate-schema is off").hasNotFailed());
    for (String mode : List.of("migrate", "validate")) {
      runner
          .withPropertyValues("strata.validate-schema=true", "strata.mode=" + mode)
          .run(
              context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                    .as(mode)
                    .rootCause()
                    .isInstanceOf(SchemaDriftException.class)
                    .hasMessageStartingWith("Schema drift: the schema of the database (")
                    .hasMessageContaining(
                        ") is not what the applied migrations in classpath:db/migration make"
                            + " (compared with the schema they produce in the in-memory database"
                            + " strata_shadow_")
                    .hasMessageEndingWith(
                        "; 1 difference):\n"
                            + "  - unexpected index PEOPLE.HAND_MADE: actual CREATE INDEX"
                            + " \"HAND_MADE\" ON \"PEOPLE\" (\"NAME\")");
              });
    }
  }

  @Test
  void healthIsDownOnDriftWithTheDifferencesAsItsSchemaDetail() {
    runner
        .withPropertyValues("strata.validate-schema=true")
        .run(
            context -> {
              HealthIndicator indicator =
                  context.getBean("strataHealthContributor", HealthIndicator.class);
              Health before = indicator.health();
              H2.execute(database, "CREATE INDEX hand_made ON people (name)");
              Health after = indicator.health();

              assertThat(before.getStatus()).isEqualTo(Status.UP);
              assertThat(before.getDetails().get("schema"))
                  .asInstanceOf(type(SchemaDriftReport.class))
                  .satisfies(s -> assertThat(s.drift()).isFalse());
              assertThat(after.getStatus()).isEqualTo(Status.DOWN);
              assertThat(after.getDetails().get("schema"))
                  .asInstanceOf(type(SchemaDriftReport.class))
                  .satisfies(
                      s -> {
                        assertThat(s.drift()).isTrue();
                        assertThat(s.shadow()).startsWith("in-memory database strata_shadow_");
                        assertThat(s.differences())
                            .containsExactly(
                                new SchemaDriftReport.Difference(
                                    "unexpected",
                                    "index PEOPLE.HAND_MADE",
                                    null,
                                    "CREATE INDEX \"HAND_MADE\" ON \"PEOPLE\" (\"NAME\")"));
                      });
            });
  }

  @Test
  void withoutValidateSchemaHealthAndTheEndpointLeaveTheSchemaOut() {
    runner.run(
        context -> {
          H2.execute(database, "CREATE INDEX hand_made ON people (name)");
          Health health =
              context.getBean("strataHealthContributor", HealthIndicator.class).health();
          StrataEndpoint.EngineStatus engine =
              engine(context.getBean(StrataEndpoint.class), context.getId());

          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).doesNotContainKey("schema");
          assertThat(engine.schema()).isNull();
        });
  }

  @Test
  void theEndpointShowsTheDrift() {
    runner
        .withPropertyValues("strata.validate-schema=true")
        .run(
            context -> {
              H2.execute(database, "DROP INDEX IF EXISTS nothing");
              H2.execute(database, "ALTER TABLE people ALTER COLUMN email SET NOT NULL");
              StrataEndpoint.EngineStatus engine =
                  engine(context.getBean(StrataEndpoint.class), context.getId());

              assertThat(engine.schema()).isNotNull();
              assertThat(engine.schema().differences())
                  .containsExactly(
                      new SchemaDriftReport.Difference(
                          "changed",
                          "column PEOPLE.EMAIL",
                          "CHARACTER VARYING(200)",
                          "CHARACTER VARYING(200) NOT NULL"));
            });
  }

  private static StrataEndpoint.EngineStatus engine(StrataEndpoint endpoint, String contextId) {
    return endpoint.strata().contexts().get(contextId).strataBeans().get("strata");
  }
}
