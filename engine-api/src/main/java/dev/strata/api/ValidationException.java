package dev.strata.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Sources and history disagree, so the command refused to change anything. Each {@link
 * ValidationProblem} names one difference and how to resolve it.
 */
public final class ValidationException extends StrataException {
  private static final long serialVersionUID = 1L;
  private final transient List<ValidationProblem> problems;

  public ValidationException(String summary, List<ValidationProblem> problems) {
    super(
        summary + problems.stream().map(p -> "\n  - " + p.message()).collect(Collectors.joining()),
        null);
    this.problems = List.copyOf(problems);
  }

  public List<ValidationProblem> problems() {
    return problems;
  }

  @Override
  public String code() {
    return "VALIDATION";
  }
}
