package dev.strata.cli.internal;

import dev.strata.api.CancelledException;
import dev.strata.api.ConfigurationException;
import dev.strata.api.DatabaseAccessException;
import dev.strata.api.LintFailedException;
import dev.strata.api.LockTimeoutException;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.ScriptParseException;
import dev.strata.api.StrataException;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.cli.ExitCode;
import dev.strata.core.Vocabulary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reports a failure once, at the boundary: one error line (the exception's message, which may
 * continue on further lines) on stderr, never a stack trace, and the exit code that goes with it.
 */
final class FailureReport {
  private FailureReport() {}

  /** The exit code for {@code failure}; see {@link ExitCode}. */
  static int exitCode(Throwable failure) {
    if (failure instanceof ConfigurationException
        || failure instanceof MigrationDiscoveryException
        || failure instanceof ScriptParseException) {
      return ExitCode.CONFIGURATION;
    } else if (failure instanceof ValidationException || failure instanceof LintFailedException) {
      return ExitCode.VALIDATION;
    } else if (failure instanceof LockTimeoutException) {
      return ExitCode.LOCK_TIMEOUT;
    } else if (failure instanceof MigrationFailedException) {
      return ExitCode.MIGRATION_FAILED;
    } else if (failure instanceof DatabaseAccessException) {
      return ExitCode.DATABASE_UNREACHABLE;
    } else if (failure instanceof CancelledException) {
      return ExitCode.STOPPED;
    }
    return ExitCode.UNEXPECTED;
  }

  /** Prints {@code failure} and returns its exit code. */
  static int report(Throwable failure, Console console) {
    int exit = exitCode(failure);
    String message;
    String code;
    if (failure instanceof StrataException e) {
      message = e.getMessage();
      code = e.code();
    } else {
      message =
          "unexpected "
              + failure.getClass().getName()
              + (failure.getMessage() == null ? "" : ": " + failure.getMessage())
              + " (this is a bug in strata; please report it)";
      code = "UNEXPECTED";
    }
    console.error("error", message, details(failure).with("code", code).with("exit_code", exit));
    return exit;
  }

  /** The exception's structured fields, for JSON output. */
  private static Fields details(Throwable failure) {
    if (failure instanceof ValidationException e) {
      return Fields.of("problems", problems(e.problems()));
    } else if (failure instanceof MigrationFailedException e) {
      return Fields.of("migration", e.migration())
          .with("file", e.origin())
          .with("line", e.line())
          .with("sql_state", e.sqlState());
    } else if (failure instanceof ScriptParseException e) {
      return Fields.of("file", e.origin()).with("line", e.line());
    } else if (failure instanceof MigrationDiscoveryException e) {
      return Fields.of("files", e.origins());
    } else if (failure instanceof LockTimeoutException e) {
      return Fields.of("lock", e.lockName());
    } else if (failure instanceof LintFailedException e) {
      return Fields.of(
          "findings", e.report().findings().stream().map(LintCommand::document).toList());
    }
    return Fields.of();
  }

  static List<Map<String, Object>> problems(List<ValidationProblem> problems) {
    Function<ValidationProblem, Map<String, Object>> row =
        p ->
            Fields.of("kind", p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .with("version", p.version() == null ? null : p.version().toString())
                .with("description", p.description())
                .with("message", Vocabulary.COMMAND_LINE.render(p.message()))
                .asMap();
    return problems.stream().map(row).toList();
  }
}
