package dev.strata.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.LockTimeoutException;
import dev.strata.api.MigrationVersion;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.api.schema.SchemaDriftException;
import dev.strata.spring.boot.StrataAutoConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;

class StrataFailureAnalyzerTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class, StrataAutoConfiguration.class))
          .withPropertyValues("spring.datasource.generate-unique-name=true");

  @Test
  void isRegistered() {
    // Some of Spring Boot's own analyzers need constructor arguments; only ours matters here.
    assertThat(
            SpringFactoriesLoader.forDefaultResourceLocation()
                .load(
                    FailureAnalyzer.class,
                    null,
                    SpringFactoriesLoader.FailureHandler.handleMessage((m, e) -> {})))
        .hasAtLeastOneElementOfType(StrataFailureAnalyzer.class);
  }

  @Test
  void listsEachSchemaDifferenceAndSaysWhatToDo() throws SQLException {
    String url = "jdbc:h2:mem:analyzer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;USER=sa";
    ApplicationContextRunner onUrl = runner.withPropertyValues("strata.url=" + url);
    onUrl.run(context -> assertThat(context).hasNotFailed());
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE people ALTER COLUMN email SET DATA TYPE VARCHAR(300)");
    }

    onUrl
        .withPropertyValues("strata.validate-schema=true")
        .run(
            context -> {
              SchemaDriftException drift =
                  (SchemaDriftException)
                      NestedExceptionUtils.getRootCause(context.getStartupFailure());
              FailureAnalysis analysis = new StrataFailureAnalyzer().analyze(drift, drift);

              assertThat(analysis.getDescription())
                  .startsWith("Strata could not verify the database schema [SCHEMA_DRIFT]:")
                  .endsWith(
                      "1 difference):\n"
                          + "  - changed column PEOPLE.EMAIL: expected CHARACTER VARYING(200),"
                          + " actual CHARACTER VARYING(300)");
              assertThat(analysis.getAction())
                  .isEqualTo(
                      "The schema was changed outside the migrations. Undo each change listed"
                          + " above by hand, or write a migration that makes it; to start anyway,"
                          + " set strata.validate-schema=false.");
            });
  }

  @Test
  void saysTheEnginesOptionsAndCommandsAsSpringBootUsersWriteThem() {
    ValidationException e =
        new ValidationException(
            "migrate changed nothing: sources and history disagree (1 problem):",
            List.of(
                new ValidationProblem(
                    ValidationProblem.Kind.OUT_OF_ORDER,
                    MigrationVersion.parse("2"),
                    "late",
                    "V2 late is pending but older than V3; allow it with strata.outOfOrder=true,"
                        + " or run `repair`")));

    FailureAnalysis analysis = new StrataFailureAnalyzer().analyze(e, e);

    assertThat(analysis.getDescription())
        .contains("allow it with strata.out-of-order=true")
        .contains("Strata's repair command (`strata repair --confirm` on the command line)")
        .doesNotContain("strata.outOfOrder");
  }

  @Test
  void describesASchemaMismatchAndSaysHowToApplyThePendingMigrations() {
    runner
        .withPropertyValues("strata.mode=validate")
        .run(
            context -> {
              FailureAnalysis analysis =
                  new StrataFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .startsWith(
                      "Strata could not verify the database schema [VALIDATION]:\n\nSchema mismatch: ")
                  .contains(
                      "V1 create people (classpath:db/migration/V1__create_people.sql) is pending");
              assertThat(analysis.getAction())
                  .isEqualTo(
                      "Apply the pending migrations before this instance starts: set strata.mode=migrate,"
                          + " or run `strata migrate` (an init container or a pre-upgrade Job).");
            });
  }

  @Test
  void describesAMissingLocation() {
    runner
        .withPropertyValues("strata.sources=classpath:db/nowhere")
        .run(
            context -> {
              FailureAnalysis analysis =
                  new StrataFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .startsWith("Strata could not migrate the database [DISCOVERY]:")
                  .contains("classpath:db/nowhere");
              assertThat(analysis.getAction()).startsWith("Check strata.sources:");
            });
  }

  @Test
  void listsAnActionForEachKindOfProblem() {
    ValidationException e =
        new ValidationException(
            "Schema mismatch:",
            List.of(
                problem(ValidationProblem.Kind.EDITED), problem(ValidationProblem.Kind.MISSING),
                problem(ValidationProblem.Kind.FAILED),
                    problem(ValidationProblem.Kind.OUT_OF_ORDER)));
    assertThat(StrataFailureAnalyzer.action(e).lines())
        .hasSize(4)
        .anySatisfy(
            l ->
                assertThat(l).contains("strata repair --confirm").startsWith("Restore the applied"))
        .anySatisfy(l -> assertThat(l).startsWith("Restore the missing migration files"))
        .anySatisfy(l -> assertThat(l).startsWith("Finish or undo the failed migration"))
        .anySatisfy(l -> assertThat(l).contains("strata.out-of-order=true"));
  }

  @Test
  void pointsALockTimeoutAtTheLockTimeoutProperty() {
    LockTimeoutException e =
        new LockTimeoutException("strata_schema_history", Duration.ofSeconds(30), "pid 42");
    assertThat(
            new StrataFailureAnalyzer()
                .analyze(new IllegalStateException("wrapped", e))
                .getAction())
        .contains("strata.lock-timeout");
  }

  private static ValidationProblem problem(ValidationProblem.Kind kind) {
    return new ValidationProblem(kind, MigrationVersion.parse("1"), "x", "V1 x: " + kind);
  }
}
