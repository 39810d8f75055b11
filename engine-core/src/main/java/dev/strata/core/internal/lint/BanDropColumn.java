package dev.strata.core.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationPhase;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import dev.strata.spi.support.AlterTable;
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
    AlterTable alter = AlterTable.of(s.tokens());
    if (alter == null || s.phase() == MigrationPhase.CONTRACT || s.isNew(alter.table())) {
      return List.of();
    }
    String table = alter.table();
    List<String> messages = new ArrayList<>();
    for (AlterTable.Clause clause : alter.clauses()) {
      int start = clause.start();
      if (dropsColumn(s.tokens(), start)) {
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

  /**
   * Whether the clause starting at {@code index} is {@code DROP [COLUMN] name}, not {@code DROP
   * CONSTRAINT|INDEX|DEFAULT|NOT NULL|...}.
   */
  private static boolean dropsColumn(SqlTokens t, int index) {
    if (!t.get(index).equals("DROP")) {
      return false;
    }
    String next = t.get(index + 1);
    return next.equals("COLUMN")
        || !(next.equals("CONSTRAINT")
            || next.equals("INDEX")
            || next.equals("KEY")
            || next.equals("PRIMARY")
            || next.equals("FOREIGN")
            || next.equals("DEFAULT")
            || next.equals("NOT")
            || next.equals("CHECK")
            || next.equals("PARTITION")
            || next.equals("IDENTITY")
            || next.equals("EXPRESSION")
            || next.equals("SYSTEM")
            || next.isEmpty());
  }
}
