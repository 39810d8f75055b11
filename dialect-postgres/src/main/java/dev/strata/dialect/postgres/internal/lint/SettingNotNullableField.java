package dev.strata.dialect.postgres.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER COLUMN ... SET NOT NULL} on an existing table: PostgreSQL scans the whole table to
 * check for nulls while it holds an {@code ACCESS EXCLUSIVE} lock, unless a validated {@code CHECK
 * (column IS NOT NULL)} constraint already proves it (PostgreSQL 12+), which one statement cannot
 * show, so every such statement is flagged.
 */
final class SettingNotNullableField implements LintRule {
  @Override
  public String id() {
    return "setting-not-nullable-field";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    String table = AlterTableClause.table(s.tokens());
    if (table == null || s.isNew(table)) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    for (AlterTableClause clause : AlterTableClause.of(s.tokens())) {
      int column = clause.get(1).equals("COLUMN") ? 2 : 1;
      if (clause.get(0).equals("ALTER") && clause.matchesAt(column + 1, "SET", "NOT", "NULL")) {
        String name = clause.name(column);
        messages.add(
            "SET NOT NULL on "
                + table
                + "."
                + name
                + " scans the whole table while reads and"
                + " writes wait; instead ADD CONSTRAINT "
                + name
                + "_not_null CHECK ("
                + name
                + " IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT "
                + name
                + "_not_null in a"
                + " later migration (it lets writes through), then SET NOT NULL, which PostgreSQL"
                + " 12+ proves from the constraint without a scan (accept that statement with"
                + " -- strata:lint-ignore="
                + id()
                + " reason=\"…\") and drop the constraint");
      }
    }
    return messages;
  }
}
