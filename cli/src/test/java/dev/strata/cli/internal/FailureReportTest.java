package dev.strata.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.ConfigurationException;
import dev.strata.api.DatabaseAccessException;
import dev.strata.api.LockTimeoutException;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.ScriptParseException;
import dev.strata.api.ValidationException;
import dev.strata.cli.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureReportTest {
  @Test
  void eachKindOfFailureHasItsExitCode() {
    assertThat(FailureReport.exitCode(new ConfigurationException("x")))
        .isEqualTo(ExitCode.CONFIGURATION);
    assertThat(FailureReport.exitCode(new MigrationDiscoveryException("x", List.of())))
        .isEqualTo(ExitCode.CONFIGURATION);
    assertThat(FailureReport.exitCode(new ScriptParseException("V1__a.sql", 3, "x")))
        .isEqualTo(ExitCode.CONFIGURATION);
    assertThat(FailureReport.exitCode(new ValidationException("x", List.of())))
        .isEqualTo(ExitCode.VALIDATION);
    assertThat(FailureReport.exitCode(new LockTimeoutException("lock", Duration.ZERO, null)))
        .isEqualTo(ExitCode.LOCK_TIMEOUT);
    assertThat(
            FailureReport.exitCode(new MigrationFailedException("V1 a", "V1__a.sql", 1, "x", null)))
        .isEqualTo(ExitCode.MIGRATION_FAILED);
    assertThat(FailureReport.exitCode(new DatabaseAccessException("x", new SQLException("y"))))
        .isEqualTo(ExitCode.DATABASE_UNREACHABLE);
    assertThat(FailureReport.exitCode(new IllegalStateException("x")))
        .isEqualTo(ExitCode.UNEXPECTED);
  }

  @Test
  void anUnexpectedFailureIsOneLineWithoutAStackTrace() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Format.TEXT,
            new SecretMask(),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    int exit = FailureReport.report(new IllegalStateException("boom"), console);

    assertThat(exit).isEqualTo(ExitCode.UNEXPECTED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "error: unexpected java.lang.IllegalStateException: boom (this is a bug in strata; please report it)"
                + System.lineSeparator());
  }

  @Test
  void aJsonErrorLineCarriesTheCodeAndTheStructuredFields() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Format.JSON,
            new SecretMask(),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    FailureReport.report(new ScriptParseException("V1__a.sql", 3, "unterminated quote"), console);

    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo(
            "{\"timestamp\":\"1970-01-01T00:00:00Z\",\"level\":\"ERROR\",\"event\":\"error\","
                + "\"file\":\"V1__a.sql\",\"line\":3,\"code\":\"PARSE\",\"exit_code\":3,"
                + "\"message\":\"V1__a.sql:3: unterminated quote\"}");
  }
}
