package dev.strata.dialect.postgres.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code char(n)} column, in {@code CREATE TABLE} or {@code ALTER TABLE}, on any table (the type
 * is chosen when the column is created): it pads values with spaces and is no faster or smaller
 * than {@code text} in PostgreSQL. The quoted one-byte type {@code "char"} is another type.
 */
final class BanCharField implements LintRule {
  private static final Set<String> CHAR = Set.of("CHAR", "CHARACTER", "BPCHAR", "NCHAR");

  @Override
  public String id() {
    return "ban-char-field";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.INFO;
  }

  @Override
  public List<String> check(LintContext s) {
    SqlTokens t = s.tokens();
    int name = tableNameAt(t);
    if (name < 0) {
      return List.of();
    }
    String table = t.tableAt(name);
    List<String> messages = new ArrayList<>();
    for (int k = name + 1; k < t.size(); k++) {
      String previous = t.get(k - 1);
      // After ( or , the word is a column's name; after AS, a cast's type, not a column's.
      if (CHAR.contains(t.get(k))
          && !t.get(k + 1).equals("VARYING")
          && !previous.equals("(")
          && !previous.equals(",")
          && !previous.equals("AS")) {
        messages.add(
            "column "
                + table
                + "."
                + columnBefore(t, k)
                + " is "
                + t.get(k).toLowerCase(Locale.ROOT)
                + ", which pads values with spaces and is no"
                + " faster or smaller than text; use text (with a CHECK on its length if needed)"
                + " or varchar(n)");
      }
    }
    return messages;
  }

  /**
   * The column whose type starts at {@code type}: {@code name char}, {@code name [SET DATA] TYPE
   * char}.
   */
  private static String columnBefore(SqlTokens t, int type) {
    int k = type - 1;
    if (t.get(k).equals("TYPE")) {
      k -= t.get(k - 1).equals("DATA") ? 3 : 1;
    }
    return t.get(k).toLowerCase(Locale.ROOT);
  }

  /** The index of the table name in {@code CREATE [...] TABLE} or {@code ALTER TABLE}, or -1. */
  private static int tableNameAt(SqlTokens t) {
    if (t.startsWith("ALTER", "TABLE")) {
      return 2;
    }
    if (t.startsWith("CREATE")) {
      int table = t.indexOf("TABLE", 1);
      // CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE: at most three words before it.
      return table > 0 && table <= 3 ? table + 1 : -1;
    }
    return -1;
  }
}
