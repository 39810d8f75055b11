package dev.strata.dialect.mysql.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import java.util.List;
import java.util.Locale;

/**
 * {@code CREATE INDEX} on an existing table without {@code ALGORITHM=INPLACE LOCK=NONE}: the server
 * may build the index by copying the table, or under a lock that blocks writes, without saying so.
 */
final class RequireOnlineIndex implements LintRule {
  @Override
  public String id() {
    return "require-online-index";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    SqlTokens t = s.tokens();
    if (!t.get(0).equals("CREATE")) {
      return List.of();
    }
    int index = 1;
    if (t.matchesAt(index, "OR", "REPLACE")) {
      index += 2;
    }
    while (List.of("ONLINE", "OFFLINE", "UNIQUE", "FULLTEXT", "SPATIAL").contains(t.get(index))) {
      index++;
    }
    if (!t.get(index).equals("INDEX")) {
      return List.of();
    }
    int on = t.indexOf("ON", index + 1);
    if (on < 0) {
      return List.of();
    }
    String table = t.tableAt(on + 1);
    OnlineDdl online = OnlineDdl.of(t, on + 1, false);
    if (s.isNew(table) || online.isOnline()) {
      return List.of();
    }
    int name = t.matchesAt(index + 1, "IF", "NOT", "EXISTS") ? index + 4 : index + 1;
    return List.of(
        "creating index "
            + t.get(name).toLowerCase(Locale.ROOT)
            + " on "
            + table
            + " "
            + online.problem()
            + " lets the server build it by copying the table or while writes"
            + " wait; add ALGORITHM=INPLACE LOCK=NONE so that it builds the index online or"
            + " refuses");
  }
}
