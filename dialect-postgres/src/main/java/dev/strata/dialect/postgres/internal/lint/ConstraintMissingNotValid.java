package dev.strata.dialect.postgres.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A foreign key or {@code CHECK} constraint added to an existing table without {@code NOT VALID}:
 * PostgreSQL checks every row while it holds a lock that blocks writes (a foreign key also locks
 * the referenced table). A constraint declared inline in {@code ADD COLUMN} ({@code REFERENCES},
 * {@code CHECK}) is checked the same way and cannot be {@code NOT VALID}.
 */
final class ConstraintMissingNotValid implements LintRule {
  @Override
  public String id() {
    return "constraint-missing-not-valid";
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
      if (kind >= 0
          && (clause.get(kind).equals("FOREIGN") || clause.get(kind).equals("CHECK"))
          && !clause.has("NOT", "VALID")) {
        String name =
            clause.constraintName(clause.get(kind).equals("CHECK") ? "check" : "foreign key");
        messages.add(
            "adding constraint "
                + name
                + " to "
                + table
                + " checks every row while writes wait;"
                + " add it NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a"
                + " later migration, which checks the old rows without blocking writes");
      } else if (column >= 0
          && (clause.find(column, "REFERENCES") >= 0 || clause.find(column, "CHECK") >= 0)) {
        messages.add(
            "adding column "
                + table
                + "."
                + clause.name(column)
                + " with an inline "
                + (clause.find(column, "REFERENCES") >= 0 ? "REFERENCES" : "CHECK")
                + " constraint"
                + " checks every row while reads and writes wait; add the column alone, then ADD"
                + " CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later migration");
      }
    }
    return messages;
  }
}
