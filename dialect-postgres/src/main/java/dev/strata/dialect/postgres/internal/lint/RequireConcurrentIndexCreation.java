package dev.strata.dialect.postgres.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX} without {@code CONCURRENTLY} on an existing table: the build holds
 * a {@code SHARE} lock, blocking every write to the table until it ends.
 */
final class RequireConcurrentIndexCreation implements LintRule {
  @Override
  public String id() {
    return "require-concurrent-index-creation";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    SqlTokens t = s.tokens();
    int index =
        t.startsWith("CREATE", "UNIQUE", "INDEX") ? 2 : t.startsWith("CREATE", "INDEX") ? 1 : -1;
    if (index < 0 || t.get(index + 1).equals("CONCURRENTLY")) {
      return List.of();
    }
    int on = t.indexOf("ON", index + 1);
    if (on < 0) {
      return List.of();
    }
    String table = t.tableAt(on + 1);
    if (s.isNew(table)) {
      return List.of();
    }
    return List.of(
        "creating an index on "
            + table
            + " blocks every write to the table until the index is"
            + " built; use CREATE INDEX CONCURRENTLY, alone in its own migration (it cannot run"
            + " in a transaction, so Strata runs a migration holding only it without one)");
  }
}
