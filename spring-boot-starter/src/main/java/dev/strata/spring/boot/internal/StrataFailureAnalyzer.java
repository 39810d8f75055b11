package dev.strata.spring.boot.internal;

import dev.strata.api.StrataException;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.api.schema.SchemaDriftException;
import dev.strata.core.Vocabulary;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a Strata failure at startup once, in Spring Boot's "APPLICATION FAILED TO START" form:
 * the engine's message (which names the migration, file, line, lock or option) as the description,
 * and what to do, in terms of {@code strata.*} properties, as the action. Registered in {@code
 * META-INF/spring.factories}.
 */
final class StrataFailureAnalyzer extends AbstractFailureAnalyzer<StrataException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StrataException cause) {
    return new FailureAnalysis(
        "Strata could not "
            + purpose(cause)
            + " ["
            + cause.code()
            + "]:\n\n"
            + Vocabulary.SPRING_BOOT.render(String.valueOf(cause.getMessage())),
        action(cause),
        cause);
  }

  private static String purpose(StrataException cause) {
    return cause instanceof ValidationException || cause instanceof SchemaDriftException
        ? "verify the database schema"
        : "migrate the database";
  }

  static String action(StrataException cause) {
    return switch (cause.code()) {
      case "VALIDATION" -> validationAction(((ValidationException) cause).problems());
      case "SCHEMA_DRIFT" ->
          "The schema was changed outside the migrations. Undo each change listed above by hand, or"
              + " write a migration that makes it; to start anyway, set"
              + " strata.validate-schema=false.";
      case "DISCOVERY" ->
          "Check strata.sources: every location must exist and hold well-formed migration files"
              + " (the files involved are named above).";
      case "PARSE" -> "Correct the migration script at the file and line named above.";
      case "CONFIGURATION" -> "Correct the configuration named above (strata.* properties).";
      case "LOCK_TIMEOUT" ->
          "Another instance is migrating this database, or died holding the lock. Wait for it, or"
              + " raise strata.lock-timeout.";
      case "MIGRATION_FAILED" ->
          "Fix the statement at the file and line named above and restart. Where the database has"
              + " no transactional DDL (MySQL, H2), first finish or undo the statements that were"
              + " applied, then run `strata repair --confirm`.";
      case "DATABASE" ->
          "Check that the database is reachable and that the credentials are right"
              + " (spring.datasource.*, or strata.url, strata.user and strata.password).";
      case "CANCELLED" -> "The migration was stopped on request; start the application again.";
      default -> "See the message above.";
    };
  }

  private static String validationAction(List<ValidationProblem> problems) {
    Set<ValidationProblem.Kind> kinds = EnumSet.noneOf(ValidationProblem.Kind.class);
    problems.forEach(p -> kinds.add(p.kind()));
    List<String> actions = new ArrayList<>();
    if (kinds.contains(ValidationProblem.Kind.PENDING)) {
      actions.add(
          "Apply the pending migrations before this instance starts: set strata.mode=migrate, or"
              + " run `strata migrate` (an init container or a pre-upgrade Job).");
    }
    if (kinds.contains(ValidationProblem.Kind.EDITED)) {
      actions.add(
          "Restore the applied migrations' original files (add a new migration for the change), or"
              + " accept the edits with `strata repair --confirm`.");
    }
    if (kinds.contains(ValidationProblem.Kind.MISSING)) {
      actions.add(
          "Restore the missing migration files, or deploy the application version that matches"
              + " the database.");
    }
    if (kinds.contains(ValidationProblem.Kind.FAILED)) {
      actions.add(
          "Finish or undo the failed migration's statements by hand, then run"
              + " `strata repair --confirm` and start again.");
    }
    if (kinds.contains(ValidationProblem.Kind.OUT_OF_ORDER)) {
      actions.add(
          "Give the out-of-order migration a version above the newest applied one, or set"
              + " strata.out-of-order=true.");
    }
    if (actions.isEmpty()) {
      actions.add("Resolve each problem listed above.");
    }
    return String.join("\n", actions);
  }
}
