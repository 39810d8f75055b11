package dev.strata.core.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationPhase;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import java.util.List;

/** Renaming a table or column: old code still uses the old name. */
final class RenamingTableOrColumn implements LintRule {
  @Override
  public String id() {
    return "renaming-table-or-column";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    if (s.phase() == MigrationPhase.CONTRACT) {
      return List.of();
    }
    var t = s.tokens();
    String table = t.startsWith("RENAME", "TABLE") ? t.tableAt(2) : AlterTableScan.table(t);
    if (table == null || s.isNew(table)) {
      return List.of();
    }
    boolean renames = t.startsWith("RENAME", "TABLE");
    if (!renames) {
      for (int start : AlterTableScan.clauseStarts(t)) {
        renames |= t.get(start).equals("RENAME");
      }
    }
    return renames
        ? List.of(
            "renaming in "
                + table
                + " breaks the code still running that uses the old name; add"
                + " the new column or table (expand), let the code write both, backfill, then"
                + " drop the old one in a contract migration")
        : List.of();
  }
}
