package dev.strata.dialect.postgres.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ADD COLUMN ... NOT NULL} without a default on an existing table: the statement fails as
 * soon as the table has a row, and where it succeeds, every insert of the code still running (which
 * does not know the column) fails.
 */
final class AddingRequiredField implements LintRule {
  @Override
  public String id() {
    return "adding-required-field";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.ERROR;
  }

  @Override
  public List<String> check(LintContext s) {
    String table = AlterTableClause.table(s.tokens());
    if (table == null || s.isNew(table)) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    for (AlterTableClause clause : AlterTableClause.of(s.tokens())) {
      int column = clause.addedColumn();
      boolean required =
          column >= 0
              && clause.find(column, "NOT", "NULL") >= 0
              && clause.find(column, "DEFAULT") < 0
              && clause.find(column, "GENERATED") < 0
              && !clause.isSerialType(column + 1);
      if (required) {
        messages.add(
            "adding column "
                + table
                + "."
                + clause.name(column)
                + " NOT NULL without a default"
                + " fails if the table has rows, and breaks every insert of the code still"
                + " running; give it a DEFAULT, or add it nullable, backfill it, and set it NOT"
                + " NULL once the deployed code writes it");
      }
    }
    return messages;
  }
}
