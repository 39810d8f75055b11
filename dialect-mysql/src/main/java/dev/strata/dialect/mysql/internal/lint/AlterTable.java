package dev.strata.dialect.mysql.internal.lint;

import dev.strata.spi.support.SqlTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where the parts of a MySQL {@code ALTER [ONLINE] [IGNORE] TABLE [IF EXISTS] name [WAIT n |
 * NOWAIT] clause, ...} statement are.
 *
 * @param tokens the statement
 * @param table the altered table, lower-cased, without a schema
 * @param online whether it says {@code ALTER ONLINE} (MariaDB: {@code LOCK=NONE})
 * @param clauseStarts where the clauses start: after the table name and after each top-level comma
 */
record AlterTable(SqlTokens tokens, String table, boolean online, List<Integer> clauseStarts) {
  /** What may follow {@code ADD} when it adds no column. */
  private static final Set<String> NOT_A_COLUMN =
      Set.of(
          "INDEX",
          "KEY",
          "FULLTEXT",
          "SPATIAL",
          "CONSTRAINT",
          "PRIMARY",
          "UNIQUE",
          "FOREIGN",
          "CHECK",
          "PARTITION",
          "PERIOD",
          "SYSTEM",
          "");

  /** The statement's parts, or {@code null} when it is no {@code ALTER TABLE}. */
  static @Nullable AlterTable of(SqlTokens t) {
    if (!t.get(0).equals("ALTER")) {
      return null;
    }
    int k = 1;
    boolean online = false;
    while (t.get(k).equals("ONLINE") || t.get(k).equals("IGNORE")) {
      online |= t.get(k).equals("ONLINE");
      k++;
    }
    if (!t.get(k).equals("TABLE")) {
      return null;
    }
    String table = t.tableAt(k + 1);
    k++;
    while (t.get(k).equals("IF") || t.get(k).equals("EXISTS")) {
      k++;
    }
    k++; // past the name
    while (t.get(k).equals(".")) {
      k += 2;
    }
    if (t.get(k).equals("WAIT")) {
      k += 2;
    } else if (t.get(k).equals("NOWAIT")) {
      k++;
    }
    List<Integer> starts = new ArrayList<>(List.of(k));
    int depth = 0;
    for (int i = k; i < t.size(); i++) {
      String token = t.get(i);
      if (token.equals("(")) {
        depth++;
      } else if (token.equals(")")) {
        depth--;
      } else if (token.equals(",") && depth == 0) {
        starts.add(i + 1);
      }
    }
    return new AlterTable(t, table, online, List.copyOf(starts));
  }

  /** The first token after the table name. */
  int bodyStart() {
    return clauseStarts.get(0);
  }

  /**
   * For a clause {@code ADD [COLUMN] [IF NOT EXISTS] name ...} or {@code ADD [COLUMN] (name ...,
   * ...)}, the index of the column's name or of the {@code (}; -1 when it adds no column.
   */
  int addedColumn(int start) {
    if (!tokens.get(start).equals("ADD")) {
      return -1;
    }
    int k;
    if (tokens.get(start + 1).equals("COLUMN")) {
      k = start + 2;
    } else if (NOT_A_COLUMN.contains(tokens.get(start + 1))) {
      return -1;
    } else {
      k = start + 1;
    }
    return tokens.matchesAt(k, "IF", "NOT", "EXISTS") ? k + 3 : k;
  }

  /** The end (exclusive) of the clause starting at {@code start}. */
  int clauseEnd(int start) {
    int next = clauseStarts.indexOf(start) + 1;
    return next < clauseStarts.size() ? clauseStarts.get(next) - 1 : tokens.size();
  }

  /** An identifier for messages, lower-cased. */
  String name(int index) {
    return tokens.get(index).toLowerCase(Locale.ROOT);
  }
}
