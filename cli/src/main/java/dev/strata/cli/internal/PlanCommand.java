package dev.strata.cli.internal;

import dev.strata.api.Direction;
import dev.strata.api.DownRequest;
import dev.strata.api.MigrationPlan;
import dev.strata.api.PlannedMigration;
import dev.strata.api.SqlStatement;
import dev.strata.api.ValidationException;
import dev.strata.cli.ExitCode;
import dev.strata.core.Strata;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata plan}: prints every step and every statement ({@code file:line}) that {@code
 * migrate}, or with {@code --down} {@code down}, would run. Changes nothing and takes no lock.
 */
@Command(
    name = "plan",
    sortOptions = false,
    customSynopsis =
        "strata plan [--target=VERSION | --down (--steps=N | --to=VERSION | --last-run"
            + " | --to-release=LABEL)] [OPTIONS]",
    description = {
      "Print every step and every statement (with file:line) that migrate would run, or with"
          + " --down what down would run. A dry run: changes nothing, takes no lock.",
      "Exits with 4 when the command would refuse because sources and history disagree."
    })
final class PlanCommand extends EngineCommand {
  @Option(
      names = "--down",
      description =
          "Plan a down instead: needs --steps N, --to VERSION, --last-run or --to-release LABEL.")
  boolean down;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  @Nullable DownSelection selection;

  @Option(
      names = "--target",
      paramLabel = "VERSION",
      converter = Versions.TargetConverter.class,
      description = "Plan migrations up to and including VERSION only (or latest).")
  @Nullable String target;

  private @Nullable DownRequest downRequest;

  PlanCommand(Console console, StrataLoader loader) {
    super(console, loader);
  }

  @Override
  void checkOptions() {
    if (!down) {
      if (selection != null) {
        throw usageError("--steps, --to, --last-run and --to-release plan a down: add --down");
      }
      return;
    }
    if (selection == null) {
      throw usageError(
          "plan --down needs --steps N, --to VERSION, --last-run or --to-release LABEL");
    }
    if (target != null) {
      throw usageError("--target plans a migrate; it does not go with --down");
    }
    try {
      downRequest = selection.request();
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
  }

  @Override
  Map<String, String> commandProperties() {
    return target == null ? Map.of() : Map.of("strata.target", target);
  }

  @Override
  int run() {
    Strata strata = strata();
    MigrationPlan plan = downRequest == null ? strata.plan() : strata.planDown(downRequest);
    String command = plan.direction() == Direction.UP ? "migrate" : "down";
    for (PlannedMigration step : plan.steps()) {
      printStep(step);
    }
    if (!plan.problems().isEmpty()) {
      throw new ValidationException(
          "plan: "
              + command
              + " would refuse to run and change nothing: sources and history"
              + " disagree ("
              + plan.problems().size()
              + " problem"
              + (plan.problems().size() == 1 ? "" : "s")
              + "):",
          plan.problems());
    }
    printSummary(plan, command);
    return ExitCode.SUCCESS;
  }

  private void printStep(PlannedMigration step) {
    int n = step.statements().size();
    console.result(
        "plan_step",
        step.id()
            + ": "
            + step.origin()
            + ", "
            + n
            + (n == 1 ? " statement" : " statements")
            + (step.transactional() ? ", in one transaction" : ", without a transaction"),
        Fields.of("version", step.id().version() == null ? null : step.id().version().toString())
            .with("description", step.id().description())
            .with("direction", step.direction().name().toLowerCase(Locale.ROOT))
            .with("file", step.origin())
            .with("statements", n)
            .with("transactional", step.transactional())
            .with("checksum", step.checksum()));
    int index = 0;
    for (SqlStatement s : step.statements()) {
      index++;
      String where = step.origin() + ":" + s.line();
      if (console.isJson()) {
        console.result(
            "plan_statement",
            where + ": " + s.firstLine(),
            Fields.of(
                    "version", step.id().version() == null ? null : step.id().version().toString())
                .with("file", step.origin())
                .with("line", s.line())
                .with("index", index)
                .with("no_transaction", s.noTransaction())
                .with("sql", s.sql()));
      } else {
        console.resultText("  " + where);
        console.resultText(
            s.sql().strip().lines().map(l -> "    " + l).collect(Collectors.joining("\n")));
      }
    }
    console.resultText("");
  }

  private void printSummary(MigrationPlan plan, String command) {
    List<String> names = plan.steps().stream().map(s -> Summary.name(s.id())).toList();
    int statements = plan.steps().stream().mapToInt(s -> s.statements().size()).sum();
    String verb = plan.direction() == Direction.UP ? "apply" : "revert";
    int n = names.size();
    String message =
        n == 0
            ? "plan: " + command + " has nothing to " + verb + "; nothing was changed"
            : "plan: "
                + command
                + " would "
                + verb
                + " "
                + n
                + (n == 1 ? " migration" : " migrations")
                + " ("
                + String.join(", ", names)
                + ") with "
                + statements
                + (statements == 1 ? " statement" : " statements")
                + "; nothing was changed";
    console.result(
        "plan_summary",
        message,
        Fields.of("command", command)
            .with("count", n)
            .with("migrations", names)
            .with("statements", statements)
            .with("up_to_date", plan.isUpToDate()));
  }
}
