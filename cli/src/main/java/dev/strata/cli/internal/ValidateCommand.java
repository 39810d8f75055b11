package dev.strata.cli.internal;

import dev.strata.api.ValidateResult;
import dev.strata.api.ValidationException;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata validate}: exits with 4, naming each difference, when sources and history disagree;
 * with {@code --check-schema} also when the live schema drifted from what the applied migrations
 * make (as {@code diff} finds it).
 */
@Command(
    name = "validate",
    sortOptions = false,
    description = {
      "Check that sources and history agree: no applied file edited or missing, no failed attempt,"
          + " nothing out of order; with --check-schema, also that the schema is what the applied"
          + " migrations make (as diff). Exits with 4 and names each difference. Changes nothing."
    })
final class ValidateCommand extends EngineCommand {
  @Option(
      names = "--require-up-to-date",
      description =
          "Count pending migrations as differences too, e.g. before starting an app (STRATA_REQUIRE_UP_TO_DATE).")
  boolean requireUpToDate;

  // Not --schema: that is every command's option naming the migration schema.
  @Option(
      names = "--check-schema",
      description =
          "Then compare the schema with what the applied migrations make, as diff does, and count"
              + " each difference (STRATA_CHECK_SCHEMA).")
  boolean checkSchema;

  @Mixin ShadowOption shadow = new ShadowOption();

  ValidateCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  int run() {
    Strata strata = strata();
    ValidateResult result = strata.validate(requireUpToDate);
    int n = result.problems().size();
    if (n > 0) {
      throw new ValidationException(
          "validate found "
              + n
              + (n == 1 ? " difference" : " differences")
              + " between sources and history:",
          result.problems());
    }
    String agreed =
        "sources and history agree" + (requireUpToDate ? " and nothing is pending" : "");
    if (checkSchema) {
      DataSource given = shadow.dataSource(this);
      SchemaDiff diff = given == null ? strata.diff() : strata.diff(given);
      new DriftReport(console).print(diff);
      if (diff.hasDrift()) {
        int d = diff.differences().size();
        console.error(
            "schema_drift",
            agreed
                + ", but the schema drifted from what the applied migrations make: "
                + d
                + (d == 1 ? " difference" : " differences")
                + ", printed above. Undo the change by hand, or write a migration that makes it",
            Fields.of("differences", d).with("code", "SCHEMA_DRIFT"));
        return ExitCode.VALIDATION;
      }
      agreed += ", and the schema is what the migrations make";
    }
    console.result(
        "validated",
        "valid: " + agreed,
        Fields.of("valid", true)
            .with("require_up_to_date", requireUpToDate)
            .with("check_schema", checkSchema));
    return ExitCode.SUCCESS;
  }
}
