package dev.strata.api;

import java.util.stream.Collectors;

/**
 * {@code migrate} refused because the lint gate found dangerous statements among the pending
 * migrations; nothing was applied. Each finding says why and the safer way; a statement that is
 * safe in context is accepted with {@code -- strata:lint-ignore=<rule> reason="…"}.
 */
public final class LintFailedException extends StrataException {
  private static final long serialVersionUID = 1L;
  private final transient LintReport report;

  public LintFailedException(LintSeverity gate, LintReport report) {
    super(
        "migrate changed nothing: the lint gate ("
            + gate.label()
            + ") found "
            + report.findings().size()
            + " dangerous statement(s):"
            + report.findings().stream().map(f -> "\n  - " + f).collect(Collectors.joining())
            + "\nMake them safe, accept one with -- strata:lint-ignore=<rule> reason=\"…\", or"
            + " change the gate with strata.lintGate.",
        null);
    this.report = report;
  }

  public LintReport report() {
    return report;
  }

  @Override
  public String code() {
    return "LINT";
  }
}
