package dev.strata.dialect.mysql.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.support.AlterTable;
import java.util.List;

/**
 * {@code ALTER TABLE} on an existing table that does not insist on an online change: without {@code
 * ALGORITHM=INPLACE, LOCK=NONE} (or {@code ALGORITHM=INSTANT}) the server copies the table under a
 * lock whenever it cannot do better, silently. Every such statement is flagged, even one the server
 * makes instantly: the clauses make that a guarantee instead of a hope.
 */
final class RequireOnlineAlter implements LintRule {
  @Override
  public String id() {
    return "require-online-alter";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    AlterTable alter = MySqlAlterTable.of(s.tokens());
    if (alter == null || s.isNew(alter.table())) {
      return List.of();
    }
    OnlineDdl online = OnlineDdl.of(s.tokens(), alter.bodyStart(), alter.hasModifier("ONLINE"));
    if (online.isOnline()) {
      return List.of();
    }
    return List.of(
        "ALTER TABLE "
            + alter.table()
            + " "
            + online.problem()
            + " lets the server copy the"
            + " whole table while writes wait whenever it cannot change it in place; add"
            + " ALGORITHM=INPLACE, LOCK=NONE (or ALGORITHM=INSTANT) so that the server refuses such"
            + " a change instead, and make a change it refuses with an online schema-change tool"
            + " (gh-ost, pt-online-schema-change)");
  }
}
