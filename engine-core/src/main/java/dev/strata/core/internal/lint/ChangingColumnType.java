package dev.strata.core.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationPhase;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.support.AlterTable;
import java.util.List;

/**
 * Changing a column's type: old code may write values the new type refuses, and most databases
 * rewrite the table under an exclusive lock to do it.
 */
final class ChangingColumnType implements LintRule {
  @Override
  public String id() {
    return "changing-column-type";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    var t = s.tokens();
    AlterTable alter = AlterTable.of(t);
    if (alter == null || s.isNew(alter.table())) {
      return List.of();
    }
    String table = alter.table();
    for (AlterTable.Clause clause : alter.clauses()) {
      int start = clause.start();
      int after = start + (t.get(start + 1).equals("COLUMN") ? 3 : 2); // past ALTER [COLUMN] name
      boolean alterType =
          t.get(start).equals("ALTER")
              && (t.get(after).equals("TYPE") || t.matchesAt(after, "SET", "DATA", "TYPE"));
      boolean modify = t.get(start).equals("MODIFY") || t.get(start).equals("CHANGE");
      if (alterType || modify) {
        return List.of(
            "changing a column type in "
                + table
                + " can break the code still running (values it"
                + " writes may no longer fit) and rewrites the table under an exclusive lock; add a"
                + " new column of the new type, backfill it, switch the code, then drop the old one"
                + (s.phase() == MigrationPhase.CONTRACT ? "" : " in a contract migration"));
      }
    }
    return List.of();
  }
}
