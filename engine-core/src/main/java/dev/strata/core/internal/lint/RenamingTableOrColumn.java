package dev.strata.core.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationPhase;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.support.AlterTable;
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
    boolean renamesTable = t.startsWith("RENAME", "TABLE");
    AlterTable alter = renamesTable ? null : AlterTable.of(t);
    String table = renamesTable ? t.tableAt(2) : alter == null ? null : alter.table();
    if (table == null || s.isNew(table)) {
      return List.of();
    }
    boolean renames =
        renamesTable
            || alter != null && alter.clauses().stream().anyMatch(c -> c.get(0).equals("RENAME"));
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
