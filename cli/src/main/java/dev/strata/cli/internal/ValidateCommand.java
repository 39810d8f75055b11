package dev.strata.cli.internal;

import dev.strata.api.ValidateResult;
import dev.strata.api.ValidationException;
import dev.strata.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata validate}: exits with 4, naming each difference, when sources and history disagree.
 */
@Command(
    name = "validate",
    sortOptions = false,
    description = {
      "Check that sources and history agree: no applied file edited or missing, no failed attempt,"
          + " nothing out of order. Exits with 4 and names each difference. Changes nothing."
    })
final class ValidateCommand extends EngineCommand {
  @Option(
      names = "--require-up-to-date",
      description =
          "Count pending migrations as differences too, e.g. before starting an app (STRATA_REQUIRE_UP_TO_DATE).")
  boolean requireUpToDate;

  ValidateCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  int run() {
    ValidateResult result = strata().validate(requireUpToDate);
    int n = result.problems().size();
    if (n > 0) {
      throw new ValidationException(
          "validate found "
              + n
              + (n == 1 ? " difference" : " differences")
              + " between sources and history:",
          result.problems());
    }
    console.result(
        "validated",
        "valid: sources and history agree" + (requireUpToDate ? " and nothing is pending" : ""),
        Fields.of("valid", true).with("require_up_to_date", requireUpToDate));
    return ExitCode.SUCCESS;
  }
}
