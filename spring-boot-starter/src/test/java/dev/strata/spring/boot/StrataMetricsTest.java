package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationFailedException;
import dev.strata.api.ValidationException;
import dev.strata.core.Strata;
import dev.strata.spring.boot.internal.StrataMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StrataMetricsTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  StrataAutoConfiguration.class,
                  MetricsAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  StrataMetricsAutoConfiguration.class));

  @Test
  void countsAndTimesTheMigrationsAppliedAtStartup() {
    runner
        .withBean(DataSource.class, () -> H2.dataSource(H2.newUrl("metrics")))
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(StrataMetrics.class);
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry).isInstanceOf(SimpleMeterRegistry.class);
              List<String> applied =
                  H2.strings(
                      context.getBean(DataSource.class),
                      "SELECT \"version\" FROM \"strata_schema_history\" WHERE \"action\" ="
                          + " 'APPLY'");
              assertThat(applied).containsExactlyInAnyOrder("1", "2");
              assertThat(registry.get("strata.migrations.applied").functionCounter().count())
                  .isEqualTo(2.0);
              assertThat(registry.get("strata.migrations.failed").functionCounter().count())
                  .isZero();
              Timer migrate =
                  registry
                      .get("strata.migrate")
                      .tags("mode", "migrate", "outcome", "success", "exception", "none")
                      .timer();
              assertThat(migrate.count()).isEqualTo(1);
              assertThat(migrate.totalTime(TimeUnit.NANOSECONDS)).isPositive();
            });
  }

  @Test
  void timesAValidatingStartupThatAppliesNothing() {
    DataSource ds = H2.dataSource(H2.newUrl("metrics-validate"));
    runner.withBean(DataSource.class, () -> ds).run(context -> assertThat(context).hasNotFailed());
    runner
        .withBean(DataSource.class, () -> ds)
        .withPropertyValues("strata.mode=validate")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.get("strata.migrations.applied").functionCounter().count())
                  .isZero();
              assertThat(registry.get("strata.migrate").timers())
                  .singleElement()
                  .satisfies(
                      timer -> {
                        assertThat(timer.getId().getTag("mode")).isEqualTo("validate");
                        assertThat(timer.getId().getTag("outcome")).isEqualTo("success");
                        assertThat(timer.count()).isEqualTo(1);
                      });
            });
  }

  @Test
  void tagsAMigrationStrategyAsCustom() {
    runner
        .withPropertyValues("spring.datasource.generate-unique-name=true")
        .withBean(StrataMigrationStrategy.class, StrataMigrationStrategy::migrateAndValidate)
        .run(
            context -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.get("strata.migrate").tag("mode", "custom").timer().count())
                  .isEqualTo(1);
              assertThat(registry.get("strata.migrations.applied").functionCounter().count())
                  .isEqualTo(2.0);
            });
  }

  @Test
  void recordsAFailedMigrationAndTheStartupFailureOnceARegistryIsBound() {
    DataSource ds = H2.dataSource(H2.newUrl("metrics-failing"));
    StrataMetrics metrics = new StrataMetrics();
    Strata strata =
        Strata.configure().dataSource(ds).sources("classpath:db/failing").listener(metrics).load();
    StrataMigrationInitializer initializer =
        new StrataMigrationInitializer(
            strata, StrataProperties.Mode.MIGRATE, null, false, List.of(metrics));

    assertThatThrownBy(initializer::afterPropertiesSet)
        .isInstanceOf(MigrationFailedException.class);

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    assertThat(H2.tables(ds)).contains("THINGS");
    assertThat(registry.get("strata.migrations.applied").functionCounter().count()).isEqualTo(1.0);
    assertThat(registry.get("strata.migrations.failed").functionCounter().count()).isEqualTo(1.0);
    assertThat(
            registry
                .get("strata.migrate")
                .tags(
                    "mode", "migrate",
                    "outcome", "failure",
                    "exception", "MigrationFailedException")
                .timer()
                .count())
        .isEqualTo(1);

    // After binding, a run is recorded at once, in every bound registry.
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.bindTo(second);
    Strata pending =
        Strata.configure().dataSource(ds).sources("classpath:db/migration").table("other").load();
    StrataMigrationInitializer validating =
        new StrataMigrationInitializer(
            pending, StrataProperties.Mode.VALIDATE, null, false, List.of(metrics));
    assertThatThrownBy(validating::afterPropertiesSet).isInstanceOf(ValidationException.class);
    for (MeterRegistry r : List.of(registry, second)) {
      assertThat(
              r.get("strata.migrate")
                  .tags("mode", "validate", "exception", "ValidationException")
                  .timer()
                  .count())
          .isEqualTo(1);
    }
    assertThat(second.get("strata.migrate").tag("mode", "migrate").timer().count()).isEqualTo(1);
  }

  @Test
  void backsOffWithoutMicrometer() {
    runner
        .withPropertyValues("spring.datasource.generate-unique-name=true")
        .withClassLoader(new FilteredClassLoader("io.micrometer"))
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Strata.class);
              assertThat(context).doesNotHaveBean("strataMetrics");
              assertThat(H2.tables(context.getBean(DataSource.class))).contains("PEOPLE");
            });
  }

  @Test
  void backsOffWithoutAMeterRegistry() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class,
                StrataAutoConfiguration.class,
                StrataMetricsAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Strata.class);
              assertThat(context).doesNotHaveBean(StrataMetrics.class);
            });
  }
}
