package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.ConfigurationException;
import dev.strata.core.Strata;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Which database Strata migrates: {@code @StrataDataSource}, else {@code strata.url}, else the
 * application's.
 */
class MigrationDataSourceTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, StrataAutoConfiguration.class))
          .withPropertyValues("spring.datasource.generate-unique-name=true");

  @Test
  void migratesTheStrataDataSourceInsteadOfTheApplications() {
    runner
        .withUserConfiguration(TwoDataSources.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              TwoDataSources sources = context.getBean(TwoDataSources.class);
              assertThat(H2.tables(sources.migrated)).contains("PEOPLE", "STRATA_SCHEMA_HISTORY");
              assertThat(H2.tables(sources.application)).isEmpty();
              assertThat(context.getBean(DataSource.class)).isSameAs(sources.application);
            });
  }

  @Test
  void strataDataSourceWinsOverStrataUrl() {
    String url = H2.newUrl("ignored");
    runner
        .withUserConfiguration(TwoDataSources.class)
        .withPropertyValues("strata.url=" + url)
        .run(
            context -> {
              assertThat(H2.tables(context.getBean(TwoDataSources.class).migrated))
                  .contains("PEOPLE");
              assertThat(H2.tables(H2.dataSource(url))).isEmpty();
            });
  }

  @Test
  void migratesTheDatabaseOfStrataUrlInsteadOfTheApplications() {
    String url = H2.newUrl("dedicated");
    runner
        .withPropertyValues("strata.url=" + url, "strata.user=sa", "strata.password=")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(H2.tables(H2.dataSource(url))).contains("PEOPLE", "STRATA_SCHEMA_HISTORY");
              assertThat(H2.tables(context.getBean(DataSource.class))).isEmpty();
              assertThat(context.getBean(Strata.class).configuration().displayUrl())
                  .startsWith("jdbc:h2:mem:dedicated-");
            });
  }

  @Test
  void appliesWithStrataUrlAloneWhenTheApplicationHasNoDataSource() {
    String url = H2.newUrl("url-only");
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StrataAutoConfiguration.class))
        .withPropertyValues("strata.url=" + url)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Strata.class);
              assertThat(H2.tables(H2.dataSource(url))).contains("PEOPLE");
            });
  }

  @Test
  void strataUserReachesTheApplicationsDatabaseAsThatUser() {
    // Without USER= in the URL: the derived DataSource sets the user itself.
    String url = "jdbc:h2:mem:owner-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    DataSource app = H2.dataSource(url);
    H2.execute(app, "CREATE USER owner PASSWORD 'secret' ADMIN");
    runner
        .withBean(DataSource.class, () -> app)
        .withPropertyValues("strata.user=owner", "strata.password=secret")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(H2.tables(app)).contains("PEOPLE");
              assertThat(context.getBean(Strata.class).status().migrations())
                  .extracting(m -> m.appliedBy())
                  .containsOnly("OWNER");
            });
  }

  @Test
  void refusesToGuessAmongSeveralDataSourcesWithoutAPrimaryOne() {
    runner
        .withUserConfiguration(TwoPlainDataSources.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(ConfigurationException.class)
                  .hasMessage(
                      "Strata cannot choose among the application's 2 DataSources: mark the one to"
                          + " migrate with @StrataDataSource or @Primary, or set strata.url");
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoDataSources {
    final DataSource application = H2.dataSource(H2.newUrl("application"));
    final DataSource migrated = H2.dataSource(H2.newUrl("migrated"));

    @Bean
    @Primary
    DataSource applicationDataSource() {
      return application;
    }

    @Bean
    @StrataDataSource
    DataSource strataDataSource() {
      return migrated;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoPlainDataSources {
    @Bean
    DataSource first() {
      return H2.dataSource(H2.newUrl("first"));
    }

    @Bean
    DataSource second() {
      return H2.dataSource(H2.newUrl("second"));
    }
  }
}
