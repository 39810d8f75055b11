package dev.strata.api;

/**
 * One dangerous statement {@code lint} found.
 *
 * @param id the migration
 * @param origin its file
 * @param line the 1-based line where the statement starts
 * @param rule the rule's kebab-case id, e.g. {@code require-concurrent-index-creation}
 * @param severity how dangerous
 * @param statement the statement's first line
 * @param message why it is dangerous and the safer way
 */
public record LintFinding(
    MigrationId id,
    String origin,
    int line,
    String rule,
    LintSeverity severity,
    String statement,
    String message) {

  /** {@code file:line: severity rule: message}. */
  @Override
  public String toString() {
    return origin + ":" + line + ": " + severity.label() + " " + rule + ": " + message;
  }
}
