package dev.strata.maven;

import dev.strata.api.ValidateResult;
import dev.strata.api.ValidationException;
import dev.strata.core.Strata;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks that sources and history agree: no applied file edited or missing, no failed attempt,
 * nothing out of order. Fails the build naming each difference; changes nothing.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ValidateMojo extends StrataMojo {
  /** Count pending migrations as differences too, e.g. before deploying the application. */
  @Parameter(property = "strata.requireUpToDate", defaultValue = "false")
  boolean requireUpToDate;

  /** Called by Maven. */
  public ValidateMojo() {}

  @Override
  void run(Strata strata) {
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
    getLog()
        .info(
            "valid: sources and history agree"
                + (requireUpToDate ? " and nothing is pending" : ""));
  }
}
