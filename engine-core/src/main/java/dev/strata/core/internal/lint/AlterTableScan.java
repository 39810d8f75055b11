package dev.strata.core.internal.lint;

import dev.strata.spi.support.SqlTokens;

/** Where the clauses of an {@code ALTER TABLE} statement are, for the rules that read them. */
final class AlterTableScan {
  private AlterTableScan() {}

  /** The altered table, or {@code null} when the statement is no {@code ALTER TABLE}. */
  static String table(SqlTokens t) {
    return t.startsWith("ALTER", "TABLE") ? t.tableAt(2) : null;
  }

  /**
   * Whether the clause starting at {@code index} (after a comma or the table name) is {@code DROP
   * [COLUMN] name}, not {@code DROP CONSTRAINT|INDEX|DEFAULT|NOT NULL|...}.
   */
  static boolean dropsColumn(SqlTokens t, int index) {
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

  /** The positions where clauses start: after the table name and after each top-level comma. */
  static int[] clauseStarts(SqlTokens t) {
    int k0 = 2;
    while (t.get(k0).equals("IF") || t.get(k0).equals("EXISTS") || t.get(k0).equals("ONLY")) {
      k0++;
    }
    int start = k0 + 1; // past the name
    while (t.get(start).equals(".")) {
      start += 2; // past a qualifier's dot and the next part
    }
    java.util.List<Integer> starts = new java.util.ArrayList<>();
    starts.add(start);
    int depth = 0;
    for (int k = start; k < t.size(); k++) {
      String tok = t.get(k);
      if (tok.equals("(")) {
        depth++;
      } else if (tok.equals(")")) {
        depth--;
      } else if (tok.equals(",") && depth == 0) {
        starts.add(k + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
