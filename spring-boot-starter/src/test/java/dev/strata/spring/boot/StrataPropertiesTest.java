package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.ConfigurationException;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationState;
import dev.strata.api.MigrationVersion;
import dev.strata.core.Strata;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How the {@code strata.*} properties reach the engine. */
class StrataPropertiesTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, StrataAutoConfiguration.class))
          .withPropertyValues("spring.datasource.generate-unique-name=true");

  @Test
  void bindsTheStrataProperties() {
    runner
        .withPropertyValues(
            "strata.mode=none",
            "strata.lock-timeout=30s",
            "strata.sources=classpath:db/migration,filesystem:/migrations",
            "strata.schema=app",
            "strata.table=history",
            "strata.target=2.1",
            "strata.out-of-order=true",
            "strata.ignore=V7_fix.sql,legacy/**",
            "strata.dialect=h2",
            "strata.ddl-lock-timeout=3s",
            "strata.statement-timeout=10m",
            "strata.lint-gate=warning")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              var config = context.getBean(Strata.class).configuration();
              assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
              assertThat(config.sources())
                  .containsExactly("classpath:db/migration", "filesystem:/migrations");
              assertThat(config.schema()).isEqualTo("app");
              assertThat(config.table()).isEqualTo("history");
              assertThat(config.target()).isEqualTo(MigrationVersion.parse("2.1"));
              assertThat(config.outOfOrder()).isTrue();
              assertThat(config.ignore()).containsExactly("V7_fix.sql", "legacy/**");
              assertThat(config.dialect()).isEqualTo("h2");
              assertThat(config.ddlLockTimeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat(config.statementTimeout()).isEqualTo(Duration.ofMinutes(10));
              assertThat(config.lintGate()).isEqualTo(dev.strata.api.LintSeverity.WARNING);
            });
  }

  @Test
  void defaultsMatchTheEngine() {
    runner
        .withPropertyValues("strata.mode=none")
        .run(
            context -> {
              var config = context.getBean(Strata.class).configuration();
              StrataProperties properties = context.getBean(StrataProperties.class);
              assertThat(properties.getMode()).isEqualTo(StrataProperties.Mode.NONE);
              assertThat(properties.isEnabled()).isTrue();
              assertThat(config.sources()).containsExactly("classpath:db/migration");
              assertThat(config.table())
                  .isEqualTo(dev.strata.spi.support.HistoryTable.DEFAULT_NAME);
              assertThat(config.lockTimeout()).isEqualTo(Duration.ofMinutes(5));
              assertThat(config.schema()).isNull();
              assertThat(config.target()).isNull();
              assertThat(config.outOfOrder()).isFalse();
            });
  }

  @Test
  void targetLatestMeansEveryMigration() {
    runner
        .withPropertyValues("strata.mode=none", "strata.target=latest")
        .run(
            context -> assertThat(context.getBean(Strata.class).configuration().target()).isNull());
  }

  @Test
  void migratesUpToTheTarget() {
    runner
        .withPropertyValues("strata.target=1")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Strata.class).status().migrations())
                  .extracting(m -> m.state())
                  .containsExactly(MigrationState.APPLIED, MigrationState.ABOVE_TARGET);
            });
  }

  @Test
  void anInvalidTargetFailsNamingTheProperty() {
    runner
        .withPropertyValues("strata.target=v-two")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .cause() // the bean creation failure
                  .cause()
                  .isInstanceOf(ConfigurationException.class)
                  .hasMessageStartingWith(
                      "Invalid value for strata.target (STRATA_TARGET): 'v-two' is not a migration version");
            });
  }

  @Test
  void aMissingLocationFailsStartupNamingIt() {
    String url = H2.newUrl("nowhere");
    runner
        .withPropertyValues(
            "strata.url=" + url, "strata.sources=classpath:db/migration,classpath:db/nowhere")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(MigrationDiscoveryException.class)
                  .hasMessageContaining("classpath:db/nowhere");
            });
    assertThat(H2.tables(H2.dataSource(url))).isEmpty();
  }

  @Test
  void migratesEverySourceListed() {
    runner
        .withPropertyValues("strata.sources=classpath:db/other")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(H2.tables(context.getBean(DataSource.class)))
                  .contains("THINGS")
                  .doesNotContain("PEOPLE");
            });
  }
}
