package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationState;
import dev.strata.api.MigrationVersion;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.core.Strata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class StrataAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, StrataAutoConfiguration.class))
          .withPropertyValues("spring.datasource.generate-unique-name=true");

  // --- when it applies

  @Test
  void backsOffWithoutADataSource() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StrataAutoConfiguration.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(Strata.class);
              assertThat(context).doesNotHaveBean(StrataMigrationInitializer.class);
            });
  }

  @Test
  void backsOffWhenDisabled() {
    runner
        .withPropertyValues("strata.enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(DataSource.class);
              assertThat(context).doesNotHaveBean(Strata.class);
              assertThat(H2.tables(context.getBean(DataSource.class))).doesNotContain("PEOPLE");
            });
  }

  // --- modes

  @Test
  void migratesTheApplicationsDatabaseAtStartupByDefault() {
    runner.run(
        context -> {
          assertThat(context)
              .hasSingleBean(Strata.class)
              .hasSingleBean(StrataMigrationInitializer.class);
          DataSource ds = context.getBean(DataSource.class);
          assertThat(H2.tables(ds)).contains("PEOPLE", "STRATA_SCHEMA_HISTORY");
          assertThat(H2.strings(ds, "SELECT email FROM people")).containsExactly("ada@example.org");
          assertThat(context.getBean(Strata.class).status().migrations())
              .extracting(m -> m.state())
              .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
        });
  }

  // --- the release label

  @Test
  void labelsTheRunWithStrataReleaseAboveTheApplicationsVersion() {
    runner
        .withPropertyValues("strata.release=v7", "spring.application.version=1.0.0")
        .withBean(BuildProperties.class, () -> build("2.0.0"))
        .run(
            context -> {
              assertThat(context.getBean(Strata.class).configuration().release()).isEqualTo("v7");
              assertThat(context.getBean(Strata.class).history())
                  .extracting(HistoryEntry::release)
                  .containsExactly("v7", "v7");
            });
  }

  @Test
  void defaultsTheReleaseToTheBuildInfosVersion() {
    runner
        .withPropertyValues("spring.application.version=1.0.0")
        .withBean(BuildProperties.class, () -> build("2.0.0"))
        .run(
            context ->
                assertThat(context.getBean(Strata.class).history())
                    .extracting(HistoryEntry::release)
                    .containsExactly("2.0.0", "2.0.0"));
  }

  @Test
  void defaultsTheReleaseToTheApplicationVersionWithoutBuildInfo() {
    runner
        .withPropertyValues("spring.application.version=1.0.0")
        .run(
            context ->
                assertThat(context.getBean(Strata.class).configuration().release())
                    .isEqualTo("1.0.0"));
  }

  @Test
  void leavesRunsUnlabelledWhenNoVersionIsKnown() {
    runner.run(
        context -> {
          assertThat(context.getBean(Strata.class).configuration().release()).isNull();
          assertThat(context.getBean(Strata.class).history())
              .extracting(HistoryEntry::release)
              .containsOnlyNulls();
        });
  }

  private static BuildProperties build(String version) {
    Properties p = new Properties();
    p.setProperty("version", version);
    return new BuildProperties(p);
  }

  @Test
  void migrateIsANoOpWhenTheDatabaseIsUpToDate() {
    String url = H2.newUrl("again");
    ApplicationContextRunner onOneDatabase = runner.withPropertyValues("strata.url=" + url);
    onOneDatabase.run(context -> assertThat(context).hasNotFailed());
    onOneDatabase.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(Strata.class).history()).hasSize(2);
        });
  }

  @Test
  void validateRefusesToStartOnPendingMigrationsAndNamesThem() {
    runner
        .withPropertyValues("strata.mode=validate")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(ValidationException.class)
                  .hasMessageStartingWith("Schema mismatch: the database (")
                  .hasMessageContaining(
                      "does not match the migrations in classpath:db/migration (2 problems):")
                  .hasMessageContaining(
                      "V1 create people (classpath:db/migration/V1__create_people.sql) is pending")
                  .hasMessageContaining(
                      "V2 add email (classpath:db/migration/V2__add_email.sql) is pending");
            });
  }

  @Test
  void validateChangesNothing() {
    String url = H2.newUrl("validate");
    runner
        .withPropertyValues("strata.url=" + url, "strata.mode=validate")
        .run(context -> assertThat(context).hasFailed());
    assertThat(H2.tables(H2.dataSource(url))).isEmpty();
  }

  @Test
  void validateStartsWhenTheDatabaseIsUpToDate() {
    String url = H2.newUrl("up-to-date");
    runner
        .withPropertyValues("strata.url=" + url)
        .run(context -> assertThat(context).hasNotFailed());
    runner
        .withPropertyValues("strata.url=" + url, "strata.mode=validate")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void validateNamesAnEditedMigration() {
    String url = H2.newUrl("edited");
    runner
        .withPropertyValues("strata.url=" + url)
        .run(context -> assertThat(context).hasNotFailed());
    runner
        .withPropertyValues(
            "strata.url=" + url, "strata.mode=validate", "strata.sources=classpath:db/edited")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(ValidationException.class);
              ValidationException e = (ValidationException) rootCause(context.getStartupFailure());
              assertThat(e.problems())
                  .extracting(ValidationProblem::kind, p -> p.version())
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(
                          ValidationProblem.Kind.EDITED, MigrationVersion.parse("1")));
              assertThat(e).hasMessageContaining("(1 problem):");
            });
  }

  @Test
  void migrateRefusesAndNamesAnEditedMigration() {
    String url = H2.newUrl("edited-migrate");
    runner
        .withPropertyValues("strata.url=" + url)
        .run(context -> assertThat(context).hasNotFailed());
    runner
        .withPropertyValues("strata.url=" + url, "strata.sources=classpath:db/edited")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(ValidationException.class)
                  .hasMessageContaining("V1 create people");
            });
  }

  @Test
  void noneRunsNothingButKeepsTheEngine() {
    runner
        .withPropertyValues("strata.mode=none")
        .withUserConfiguration(RecordingStrategy.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Strata.class);
              assertThat(H2.tables(context.getBean(DataSource.class))).isEmpty();
              assertThat(context.getBean(RecordingStrategy.class).calls).isEmpty();
            });
  }

  // --- customisation

  @Test
  void customizersAdjustTheConfigurationAfterTheProperties() {
    runner
        .withPropertyValues("strata.table=from_properties")
        .withUserConfiguration(Customizers.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Strata.class).configuration().table()).isEqualTo("second");
              assertThat(H2.tables(context.getBean(DataSource.class)))
                  .contains("SECOND")
                  .doesNotContain("FROM_PROPERTIES");
            });
  }

  @Test
  void aStrategyReplacesTheDefaultBehaviour() {
    runner
        .withUserConfiguration(RecordingStrategy.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(RecordingStrategy.class).calls)
                  .containsExactly(context.getBean(Strata.class));
              assertThat(H2.tables(context.getBean(DataSource.class))).isEmpty();
            });
  }

  @Test
  void aStrategyCanValidateOnly() {
    runner
        .withBean(StrataMigrationStrategy.class, () -> StrataMigrationStrategy.validate())
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageStartingWith("Schema mismatch");
            });
  }

  @Test
  void listenerBeansReceiveTheEnginesEvents() {
    runner
        .withUserConfiguration(RecordingListener.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(RecordingListener.class).events)
                  .filteredOn(StrataEvent.MigrationCompleted.class::isInstance)
                  .hasSize(2);
            });
  }

  @Test
  void refusesToStartOnASqlFileThatFollowsNoConventionNamingIt(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
    Files.writeString(dir.resolve("V7_fix.sql"), "SELECT 1;");
    runner
        .withPropertyValues("strata.sources=filesystem:" + dir)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(MigrationDiscoveryException.class)
                    .hasMessageContaining(dir.resolve("V7_fix.sql") + ": has one underscore"));
  }

  @Test
  void strataIgnoreLeavesAFileOutAndReportsIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
    Files.writeString(dir.resolve("V7_fix.sql"), "SELECT 1;");
    runner
        .withUserConfiguration(RecordingListener.class)
        .withPropertyValues("strata.sources=filesystem:" + dir, "strata.ignore=V7_fix.sql")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(H2.tables(context.getBean(DataSource.class))).contains("A");
              assertThat(context.getBean(RecordingListener.class).events)
                  .contains(new StrataEvent.FileIgnored(dir.resolve("V7_fix.sql").toString()));
            });
  }

  @Test
  void anApplicationsStrataBeanIsUsedInsteadOfOneFromProperties() {
    String url = H2.newUrl("own-engine");
    runner
        .withBean(
            Strata.class, () -> Strata.configure().url(url).sources("classpath:db/other").load())
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Strata.class);
              assertThat(H2.tables(H2.dataSource(url))).contains("THINGS");
              assertThat(H2.tables(context.getBean(DataSource.class))).isEmpty();
            });
  }

  @Test
  void reportsTheMigratedDataSourceAsManagedForHibernate() {
    runner
        .withPropertyValues("strata.mode=none")
        .run(
            context -> {
              SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
              assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
                  .isEqualTo(SchemaManagement.MANAGED);
              assertThat(provider.getSchemaManagement(H2.dataSource(H2.newUrl("other"))))
                  .isEqualTo(SchemaManagement.UNMANAGED);
            });
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Configuration(proxyBeanMethods = false)
  static class Customizers {
    @Bean
    @Order(2)
    StrataConfigurationCustomizer second() {
      return builder -> builder.table("second");
    }

    @Bean
    @Order(1)
    StrataConfigurationCustomizer first() {
      return builder -> builder.table("first");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class RecordingStrategy {
    final List<Strata> calls = new ArrayList<>();

    @Bean
    StrataMigrationStrategy recordingStrategy() {
      return calls::add;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class RecordingListener {
    final List<StrataEvent> events = new CopyOnWriteArrayList<>();

    @Bean
    StrataListener recordingListener() {
      return events::add;
    }
  }
}
