package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrations complete before anything that depends on database initialization touches the database.
 * The application's beans are registered before the auto-configured ones, so without the ordering
 * Spring would create them first and their queries would fail.
 */
class DatabaseInitializationOrderTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  JdbcTemplateAutoConfiguration.class,
                  DataSourceInitializationAutoConfiguration.class,
                  StrataAutoConfiguration.class))
          .withPropertyValues("spring.datasource.generate-unique-name=true");

  @Test
  void aBeanThatDependsOnDatabaseInitializationSeesTheMigratedTables() {
    runner
        .withUserConfiguration(ReadsAtCreation.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(PeopleAtStartup.class).emails())
                  .containsExactly("ada@example.org");
            });
  }

  @Test
  void aBeanUsingJdbcTemplateSeesTheMigratedTables() {
    runner
        .withUserConfiguration(ReadsThroughJdbcTemplate.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(PeopleAtStartup.class).emails())
                  .containsExactly("ada@example.org");
            });
  }

  @Test
  void sqlInitScriptsRunAfterTheMigrations() {
    runner
        .withPropertyValues(
            "spring.sql.init.mode=always",
            "spring.sql.init.data-locations=classpath:data-after-migration.sql")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(
                      H2.strings(
                          context.getBean(DataSource.class), "SELECT name FROM people ORDER BY id"))
                  .containsExactly("Ada", "Grace");
            });
  }

  @Test
  void migratesAtStartupUnderLazyInitialization() {
    runner
        .withInitializer(
            c -> c.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(H2.tables(context.getBean(DataSource.class))).contains("PEOPLE");
            });
  }

  @Test
  void aFailedMigrationStopsTheBeansThatDependOnIt() {
    runner
        .withUserConfiguration(ReadsAtCreation.class)
        .withPropertyValues("strata.mode=validate")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageStartingWith("Schema mismatch");
            });
  }

  /** What a bean read from the database when it was created. */
  record PeopleAtStartup(List<String> emails) {}

  @Configuration(proxyBeanMethods = false)
  static class ReadsAtCreation {
    @Bean
    @DependsOnDatabaseInitialization
    PeopleAtStartup peopleAtStartup(DataSource dataSource) {
      return new PeopleAtStartup(H2.strings(dataSource, "SELECT email FROM people"));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ReadsThroughJdbcTemplate {
    @Bean
    PeopleAtStartup peopleAtStartup(JdbcTemplate jdbc) {
      return new PeopleAtStartup(jdbc.queryForList("SELECT email FROM people", String.class));
    }
  }
}
