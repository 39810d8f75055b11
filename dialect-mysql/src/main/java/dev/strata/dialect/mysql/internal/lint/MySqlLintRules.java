package dev.strata.dialect.mysql.internal.lint;

import dev.strata.spi.LintRule;
import java.util.List;

/**
 * MySQL's and MariaDB's lint rules, in addition to the engine's rules for every database:
 * statements that may copy a busy table or block its writes without saying so. Each rule looks at
 * one statement and skips tables created earlier in the same run.
 */
public final class MySqlLintRules {
  private static final List<LintRule> ALL =
      List.of(
          new RequireOnlineAlter(),
          new AddingColumnWithExpressionDefault(),
          new RequireOnlineIndex());

  private MySqlLintRules() {}

  /** The rules; stateless, so one list serves every thread. */
  public static List<LintRule> all() {
    return ALL;
  }
}
