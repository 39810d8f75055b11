package dev.strata.maven;

import dev.strata.api.LintFinding;
import dev.strata.api.LintReport;
import dev.strata.api.LintSeverity;
import dev.strata.core.Strata;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the pending migrations for SQL that breaks the code still running or locks a busy table
 * (the dialect's lint rules); each finding names file, line and rule and says the safer way. Fails
 * the build when a finding is at least {@code failOn}; changes nothing.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class LintMojo extends StrataMojo {
  /** The lowest severity that fails the build: {@code info}, {@code warning} or {@code error}. */
  @Parameter(property = "strata.failOn", defaultValue = "warning")
  String failOn = "warning";

  private LintSeverity severity = LintSeverity.WARNING;

  /** Called by Maven. */
  public LintMojo() {}

  @Override
  void checkParameters() throws MojoExecutionException {
    try {
      severity = LintSeverity.valueOf(failOn.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(
          "<failOn> (strata.failOn) takes info, warning or error, not '" + failOn + "'");
    }
  }

  @Override
  void run(Strata strata) throws MojoFailureException {
    LintReport report = strata.lint();
    for (LintFinding f : report.findings()) {
      String line = f + " [" + f.statement() + "]";
      if (f.severity().compareTo(severity) >= 0) {
        getLog().error(line);
      } else {
        getLog().warn(line);
      }
    }
    int n = report.findings().size();
    String ignored =
        report.ignored().isEmpty() ? "" : ", " + report.ignored().size() + " ignored by directives";
    if (report.hasAtLeast(severity)) {
      throw new MojoFailureException(
          "lint: "
              + n
              + (n == 1 ? " finding" : " findings")
              + ignored
              + "; failing at "
              + severity.label()
              + " (failOn, strata.failOn):"
              + report.findings().stream()
                  .filter(f -> f.severity().compareTo(severity) >= 0)
                  .map(f -> "\n  - " + f)
                  .collect(Collectors.joining())
              + "\nMake them safe, accept one with -- strata:lint-ignore=<rule> reason=\"…\", or"
              + " raise <failOn> (strata.failOn).");
    }
    getLog().info("lint: " + n + (n == 1 ? " finding" : " findings") + ignored);
  }
}
