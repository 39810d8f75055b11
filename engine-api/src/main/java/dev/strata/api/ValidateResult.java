package dev.strata.api;

import java.util.List;

/**
 * What {@code validate} found.
 *
 * @param problems every difference between sources and history; empty when valid
 */
public record ValidateResult(List<ValidationProblem> problems) {
  public ValidateResult {
    problems = List.copyOf(problems);
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
