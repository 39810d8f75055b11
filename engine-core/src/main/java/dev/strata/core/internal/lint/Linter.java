package dev.strata.core.internal.lint;

import dev.strata.api.LintFinding;
import dev.strata.api.LintReport;
import dev.strata.api.PlannedMigration;
import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import dev.strata.core.internal.directive.Directives;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs lint rules over the statements of migrations, in order, through the dialect's parser (never
 * over raw file text). Tables created earlier in the same run are new, so locking them is harmless;
 * every other table is taken to exist and be in use.
 */
public final class Linter {
  private final List<LintRule> rules;

  /** The engine's rules for every database, then {@code dialectRules}. */
  public Linter(List<LintRule> dialectRules) {
    List<LintRule> all =
        new ArrayList<>(
            List.of(
                new BanDropTable(),
                new BanDropColumn(),
                new RenamingTableOrColumn(),
                new ChangingColumnType()));
    all.addAll(dialectRules);
    this.rules = List.copyOf(all);
  }

  /**
   * Lints {@code steps}, the rendering of {@code migrations} (same order): pending migrations in
   * the order they would run.
   */
  public LintReport lint(List<SourceMigration> migrations, List<PlannedMigration> steps) {
    List<LintFinding> findings = new ArrayList<>();
    List<LintFinding> ignored = new ArrayList<>();
    Set<String> created = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      PlannedMigration step = steps.get(i);
      SourceMigration source = migrations.get(i);
      Directives directives = source.directives();
      for (String rule : directives.lintIgnores().keySet()) {
        if (ruleIds().stream().noneMatch(rule::equals)) {
          throw new ScriptParseException(
              step.origin(),
              1,
              "strata:lint-ignore names the unknown rule "
                  + rule
                  + "; known rules: "
                  + String.join(", ", ruleIds()));
        }
      }
      for (SqlStatement statement : step.statements()) {
        SqlTokens tokens = SqlTokens.of(statement.sql());
        LintContext context =
            new LintContext(
                statement, tokens, step.phase(), step.transactional(), created::contains);
        for (LintRule rule : rules) {
          for (String message : rule.check(context)) {
            LintFinding finding =
                new LintFinding(
                    step.id(),
                    step.origin(),
                    statement.line(),
                    rule.id(),
                    rule.severity(),
                    statement.firstLine(),
                    message);
            (directives.lintIgnores().containsKey(rule.id()) ? ignored : findings).add(finding);
          }
        }
        if (tokens.startsWith("CREATE", "TABLE")) {
          created.add(tokens.tableAt(2));
        } else if (tokens.startsWith("CREATE", "TEMPORARY", "TABLE")
            || tokens.startsWith("CREATE", "TEMP", "TABLE")) {
          created.add(tokens.tableAt(3));
        }
      }
    }
    return new LintReport(findings, ignored);
  }

  /** Every rule's id, for messages about unknown ids. */
  public List<String> ruleIds() {
    return rules.stream().map(LintRule::id).toList();
  }
}
