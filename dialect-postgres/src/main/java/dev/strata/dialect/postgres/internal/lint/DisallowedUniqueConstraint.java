package dev.strata.dialect.postgres.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code UNIQUE} constraint added to an existing table ({@code ADD [CONSTRAINT name] UNIQUE
 * (...)}, or inline in {@code ADD COLUMN}) that builds its index while holding an {@code ACCESS
 * EXCLUSIVE} lock, instead of adopting one built concurrently ({@code USING INDEX}).
 */
final class DisallowedUniqueConstraint implements LintRule {
  @Override
  public String id() {
    return "disallowed-unique-constraint";
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
      int kind = clause.addedConstraint();
      int column = clause.addedColumn();
      boolean unique =
          kind >= 0 && clause.get(kind).equals("UNIQUE") && !clause.usesExistingIndex()
              || column >= 0 && clause.find(column, "UNIQUE") >= 0;
      if (unique) {
        String name = kind >= 0 ? clause.constraintName("unique") : "unique";
        messages.add(
            "adding "
                + (kind >= 0 ? "constraint " + name : "a unique column")
                + " to "
                + table
                + " builds its index while reads and writes wait; CREATE UNIQUE INDEX"
                + " CONCURRENTLY in its own migration, then ALTER TABLE "
                + table
                + " ADD"
                + " CONSTRAINT <name> UNIQUE USING INDEX <index>");
      }
    }
    return messages;
  }
}
