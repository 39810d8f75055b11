package dev.strata.maven;

import dev.strata.api.MigrationPlan;
import dev.strata.api.PlannedMigration;
import dev.strata.api.SqlStatement;
import dev.strata.api.ValidationException;
import dev.strata.core.Strata;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Logs every step and every statement ({@code file:line}) that {@code strata:migrate} would run; a
 * dry run that changes nothing and takes no lock. Fails when migrate would refuse because sources
 * and history disagree.
 */
@Mojo(name = "plan", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class PlanMojo extends StrataMojo {
  /** Called by Maven. */
  public PlanMojo() {}

  @Override
  void run(Strata strata) {
    MigrationPlan plan = strata.plan();
    int statements = 0;
    for (PlannedMigration step : plan.steps()) {
      int n = step.statements().size();
      statements += n;
      getLog()
          .info(
              step.id()
                  + ": "
                  + step.origin()
                  + ", "
                  + n
                  + (n == 1 ? " statement" : " statements")
                  + (step.transactional() ? ", in one transaction" : ", without a transaction"));
      for (SqlStatement s : step.statements()) {
        getLog().info("  " + step.origin() + ":" + s.line());
        s.sql().strip().lines().forEach(line -> getLog().info("    " + line));
      }
    }
    if (!plan.problems().isEmpty()) {
      int n = plan.problems().size();
      throw new ValidationException(
          "plan: migrate would refuse to run and change nothing: sources and history disagree ("
              + n
              + (n == 1 ? " problem" : " problems")
              + "):",
          plan.problems());
    }
    int n = plan.steps().size();
    getLog()
        .info(
            n == 0
                ? "plan: migrate has nothing to apply; nothing was changed"
                : "plan: migrate would apply "
                    + n
                    + (n == 1 ? " migration" : " migrations")
                    + " with "
                    + statements
                    + (statements == 1 ? " statement" : " statements")
                    + "; nothing was changed");
  }
}
