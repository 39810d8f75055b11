package dev.strata.api;

import java.util.List;

/**
 * What {@code lint} found, in migration and line order.
 *
 * @param findings the findings; empty when nothing is dangerous
 * @param ignored findings suppressed by a {@code -- strata:lint-ignore=<rule> reason="…"}
 *     directive, kept so that reports can show them
 */
public record LintReport(List<LintFinding> findings, List<LintFinding> ignored) {
  public LintReport {
    findings = List.copyOf(findings);
    ignored = List.copyOf(ignored);
  }

  /** Whether any finding is at least {@code severity}. */
  public boolean hasAtLeast(LintSeverity severity) {
    return findings.stream().anyMatch(f -> f.severity().compareTo(severity) >= 0);
  }
}
