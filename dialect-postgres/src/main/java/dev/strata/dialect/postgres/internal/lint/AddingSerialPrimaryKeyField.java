package dev.strata.dialect.postgres.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A primary key added to an existing table ({@code ADD [CONSTRAINT name] PRIMARY KEY (...)}, or
 * {@code ADD COLUMN id serial PRIMARY KEY}) that builds its index while holding an {@code ACCESS
 * EXCLUSIVE} lock, instead of adopting a unique index built concurrently ({@code USING INDEX}).
 */
final class AddingSerialPrimaryKeyField implements LintRule {
  @Override
  public String id() {
    return "adding-serial-primary-key-field";
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
      boolean primaryKey =
          kind >= 0 && clause.get(kind).equals("PRIMARY") && !clause.usesExistingIndex()
              || column >= 0 && clause.find(column, "PRIMARY", "KEY") >= 0;
      if (primaryKey) {
        messages.add(
            "adding a primary key to "
                + table
                + " builds its index while reads and writes wait;"
                + " CREATE UNIQUE INDEX CONCURRENTLY in its own migration (on NOT NULL columns),"
                + " then ALTER TABLE "
                + table
                + " ADD CONSTRAINT <name> PRIMARY KEY USING INDEX"
                + " <index>");
      }
    }
    return messages;
  }
}
