package dev.strata.dialect.mysql.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import dev.strata.spi.support.AlterTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ADD COLUMN ... DEFAULT (expr)} (or MariaDB's {@code DEFAULT f(...)}) on an existing table:
 * MySQL cannot add a column with an expression default instantly, and MariaDB copies the table for
 * a non-constant one ({@code UUID()}), evaluating it for every existing row while writes wait. The
 * current-time defaults ({@code CURRENT_TIMESTAMP}, {@code NOW()}) are fine, and so is a statement
 * that says {@code ALGORITHM=INSTANT}: the server refuses it rather than rebuild.
 */
final class AddingColumnWithExpressionDefault implements LintRule {
  private static final Set<String> CURRENT_TIME =
      Set.of("CURRENT_TIMESTAMP", "NOW", "LOCALTIME", "LOCALTIMESTAMP");

  @Override
  public String id() {
    return "adding-column-with-expression-default";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    AlterTable alter = MySqlAlterTable.of(s.tokens());
    if (alter == null
        || s.isNew(alter.table())
        || OnlineDdl.of(s.tokens(), alter.bodyStart(), false).algorithm().equals("INSTANT")) {
      return List.of();
    }
    SqlTokens t = s.tokens();
    List<String> messages = new ArrayList<>();
    for (AlterTable.Clause clause : alter.clauses()) {
      int added = clause.addedColumn(MySqlAlterTable.NOT_A_COLUMN);
      if (added < 0) {
        continue;
      }
      int column = clause.start() + added;
      // ADD (a ..., b ...) adds several columns: each name follows the ( or a comma inside it.
      boolean several = t.get(column).equals("(");
      int name = column;
      int depth = 0;
      for (int k = column; k < clause.end(); k++) {
        String token = t.get(k);
        if (several && (token.equals("(") && depth == 0 || token.equals(",") && depth == 1)) {
          name = k + 1;
        }
        depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
        if (token.equals("DEFAULT") && isExpression(t, k + 1)) {
          messages.add(
              "adding column "
                  + alter.table()
                  + "."
                  + t.get(name).toLowerCase(Locale.ROOT)
                  + " with an expression"
                  + " default makes MySQL rebuild the table (MariaDB copies it for a non-constant"
                  + " one such as UUID()) to fill every existing row; add the column without a"
                  + " default (or with a literal one), ALTER COLUMN ... SET DEFAULT (...) in a"
                  + " later statement (it applies to new rows only) and backfill the existing rows"
                  + " in batches, or add ALGORITHM=INSTANT so that the server refuses a rebuild");
        }
      }
    }
    return messages;
  }

  /** Whether {@code DEFAULT} is followed by {@code (expr)} or a function call, not a literal. */
  private static boolean isExpression(SqlTokens t, int k) {
    return t.get(k).equals("(") || t.get(k + 1).equals("(") && !CURRENT_TIME.contains(t.get(k));
  }
}
