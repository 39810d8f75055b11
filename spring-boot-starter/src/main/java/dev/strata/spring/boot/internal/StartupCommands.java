package dev.strata.spring.boot.internal;

import dev.strata.api.MigrateResult;
import dev.strata.api.ValidateResult;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaDriftException;
import dev.strata.core.Strata;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two startup behaviours {@code strata.mode} selects, and the schema check {@code
 * strata.validate-schema} adds after them.
 */
public final class StartupCommands {
  private static final Logger log = LoggerFactory.getLogger(StartupCommands.class);

  private StartupCommands() {}

  /**
   * Applies what is pending, then checks that sources and history agree. When {@code migrate} found
   * nothing to do it has already checked exactly that (its fast path reads the history once), so
   * the check is repeated only after migrations ran: a replica with nothing to do pays one history
   * query.
   */
  public static void migrateAndValidate(Strata strata) {
    MigrateResult result = strata.migrate();
    log.info("Strata: {} on {}", result.summary(), strata.configuration().displayUrl());
    if (result.lockTaken()) {
      ValidateResult after = strata.validate(true);
      if (!after.isValid()) {
        throw mismatch(strata, after.problems(), " after migrate");
      }
    }
  }

  /** Changes nothing; throws when anything is pending, edited, missing or failed. */
  public static void validate(Strata strata) {
    ValidateResult result = strata.validate(true);
    if (!result.isValid()) {
      throw mismatch(strata, result.problems(), "");
    }
    log.info(
        "Strata: {} is up to date with {}",
        strata.configuration().displayUrl(),
        String.join(", ", strata.configuration().sources()));
  }

  /**
   * Compares the live schema with what the applied migrations make ({@link Strata#diff()}: built in
   * a scratch database on the same server, dropped afterwards); throws a {@link
   * SchemaDriftException} listing each difference on drift.
   */
  public static void validateSchema(Strata strata) {
    SchemaDiff diff = strata.diff();
    if (diff.hasDrift()) {
      int n = diff.differences().size();
      throw new SchemaDriftException(
          "Schema drift: the schema of the database ("
              + strata.configuration().displayUrl()
              + ") is not what the applied migrations in "
              + String.join(", ", strata.configuration().sources())
              + " make (compared with the schema they produce in the "
              + diff.shadow()
              + "; "
              + n
              + " difference"
              + (n == 1 ? "" : "s")
              + "):",
          diff);
    }
    log.info(
        "Strata: the schema of {} is what the migrations make (compared in the {})",
        strata.configuration().displayUrl(),
        diff.shadow());
  }

  private static ValidationException mismatch(
      Strata strata, List<ValidationProblem> problems, String when) {
    int n = problems.size();
    return new ValidationException(
        "Schema mismatch"
            + when
            + ": the database ("
            + strata.configuration().displayUrl()
            + ", history table "
            + strata.configuration().table()
            + ") does not match the"
            + " migrations in "
            + String.join(", ", strata.configuration().sources())
            + " ("
            + n
            + " problem"
            + (n == 1 ? "" : "s")
            + "):",
        problems);
  }
}
