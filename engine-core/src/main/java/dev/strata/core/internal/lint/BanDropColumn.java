package dev.strata.core.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationPhase;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import java.util.ArrayList;
import java.util.List;

/** Dropping a column the running code may still read or write. */
final class BanDropColumn implements LintRule {
  @Override
  public String id() {
    return "ban-drop-column";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    String table = AlterTableScan.table(s.tokens());
    if (table == null || s.phase() == MigrationPhase.CONTRACT || s.isNew(table)) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    for (int start : AlterTableScan.clauseStarts(s.tokens())) {
      if (AlterTableScan.dropsColumn(s.tokens(), start)) {
        int name = s.tokens().get(start + 1).equals("COLUMN") ? start + 2 : start + 1;
        if (s.tokens().matchesAt(name, "IF", "EXISTS")) {
          name += 2;
        }
        messages.add(
            "dropping column "
                + table
                + "."
                + s.tokens().get(name).toLowerCase(java.util.Locale.ROOT)
                + " breaks the code still running that uses it; stop using it in the code first,"
                + " then drop it in a contract migration (-- strata:phase=contract)");
      }
    }
    return messages;
  }
}
