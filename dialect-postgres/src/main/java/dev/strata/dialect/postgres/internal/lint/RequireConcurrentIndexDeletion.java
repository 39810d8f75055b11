package dev.strata.dialect.postgres.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code DROP INDEX} without {@code CONCURRENTLY}: it takes an {@code ACCESS EXCLUSIVE} lock on the
 * index's table, blocking its reads and writes. The statement does not name the table, so every
 * such {@code DROP INDEX} is flagged, also of an index created earlier in the same run.
 */
final class RequireConcurrentIndexDeletion implements LintRule {
  @Override
  public String id() {
    return "require-concurrent-index-deletion";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    SqlTokens t = s.tokens();
    if (!t.startsWith("DROP", "INDEX") || t.get(2).equals("CONCURRENTLY")) {
      return List.of();
    }
    return List.of(
        "dropping index "
            + String.join(", ", names(t))
            + " locks its table against reads and"
            + " writes, and waits behind every running query on it; use DROP INDEX CONCURRENTLY,"
            + " alone in its own migration (it cannot run in a transaction, so Strata runs a"
            + " migration holding only it without one)");
  }

  /** The dropped indexes, as written (lower-cased unless quoted), without schema qualifiers. */
  private static List<String> names(SqlTokens t) {
    List<String> names = new ArrayList<>();
    int k = t.matchesAt(2, "IF", "EXISTS") ? 4 : 2;
    while (k < t.size()) {
      int end = k;
      while (t.get(end + 1).equals(".")) {
        end += 2;
      }
      names.add(t.get(end).toLowerCase(Locale.ROOT));
      if (!t.get(end + 1).equals(",")) {
        break;
      }
      k = end + 2;
    }
    return names;
  }
}
