package dev.strata.spi.support;

import dev.strata.spi.SqlTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Where the parts of an {@code ALTER [modifier ...] TABLE [IF EXISTS] [ONLY] name [options] clause,
 * clause, ...} statement are, for lint rules: the altered table and its clauses, split at top-level
 * commas. The words a database allows around the name are its own: {@link #of(SqlTokens)} reads the
 * standard form, {@link #of(SqlTokens, Set, IntUnaryOperator)} a dialect's (MySQL's {@code ALTER
 * ONLINE TABLE t NOWAIT ...}, PostgreSQL's {@code ALTER TABLE t * ...}). Immutable.
 */
public final class AlterTable {
  private final SqlTokens tokens;
  private final String table;
  private final List<String> modifiers;
  private final List<Clause> clauses;

  private AlterTable(SqlTokens tokens, String table, List<String> modifiers, List<Clause> clauses) {
    this.tokens = tokens;
    this.table = table;
    this.modifiers = modifiers;
    this.clauses = clauses;
  }

  /**
   * {@code ALTER TABLE [IF EXISTS] [ONLY] name clause, ...}, or {@code null} when the statement is
   * no {@code ALTER TABLE}.
   */
  public static @Nullable AlterTable of(SqlTokens t) {
    return of(t, Set.of(), k -> k);
  }

  /**
   * A dialect's {@code ALTER TABLE}, or {@code null} when the statement is none.
   *
   * @param modifiers the words the dialect allows between {@code ALTER} and {@code TABLE} (MySQL:
   *     {@code ONLINE}, {@code IGNORE})
   * @param pastOptions maps the index right after the table name to the index of the first clause,
   *     past the options the dialect allows there (PostgreSQL's {@code *}, MariaDB's {@code WAIT n}
   *     and {@code NOWAIT}); {@code k -> k} for none
   */
  public static @Nullable AlterTable of(
      SqlTokens t, Set<String> modifiers, IntUnaryOperator pastOptions) {
    if (!t.get(0).equals("ALTER")) {
      return null;
    }
    int k = 1;
    List<String> seen = new ArrayList<>();
    while (!t.get(k).isEmpty() && modifiers.contains(t.get(k))) {
      seen.add(t.get(k));
      k++;
    }
    if (!t.get(k).equals("TABLE")) {
      return null;
    }
    String table = t.tableAt(k + 1);
    k++;
    while (t.get(k).equals("IF") || t.get(k).equals("EXISTS") || t.get(k).equals("ONLY")) {
      k++;
    }
    k++; // past the name
    while (t.get(k).equals(".")) {
      k += 2; // past a qualifier's dot and the next part
    }
    k = pastOptions.applyAsInt(k);
    List<Clause> clauses = new ArrayList<>();
    int start = k;
    int depth = 0;
    for (int i = k; i < t.size(); i++) {
      String token = t.get(i);
      if (token.equals("(")) {
        depth++;
      } else if (token.equals(")")) {
        depth--;
      } else if (token.equals(",") && depth == 0) {
        clauses.add(new Clause(t, start, i));
        start = i + 1;
      }
    }
    clauses.add(new Clause(t, start, t.size()));
    return new AlterTable(t, table, List.copyOf(seen), List.copyOf(clauses));
  }

  /** The statement's tokens. */
  public SqlTokens tokens() {
    return tokens;
  }

  /** The altered table, as {@link SqlTokens#tableAt} gives it: without a schema, lower-cased. */
  public String table() {
    return table;
  }

  /** Whether {@code word} stands between {@code ALTER} and {@code TABLE}. */
  public boolean hasModifier(String word) {
    return modifiers.contains(word);
  }

  /** The index of the first token after the table name and its options. */
  public int bodyStart() {
    return clauses.get(0).start();
  }

  /** The clauses, in order; at least one (empty when nothing follows the name). */
  public List<Clause> clauses() {
    return clauses;
  }

  /**
   * One clause: the tokens from {@code start} to {@code end} (exclusive: the top-level comma after
   * it, or the statement's end). Offsets passed to its methods are relative to {@code start}.
   */
  public record Clause(SqlTokens tokens, int start, int end) {
    /** The token at {@code offset}, or {@code ""} past the clause's end. */
    public String get(int offset) {
      return start + offset < end ? tokens.get(start + offset) : "";
    }

    /**
     * The identifier at {@code offset}, lower-cased as the server folds it (quoted names as
     * written).
     */
    public String name(int offset) {
      return get(offset).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code words} follow each other from {@code offset}. */
    public boolean matchesAt(int offset, String... words) {
      for (int k = 0; k < words.length; k++) {
        if (!get(offset + k).equals(words[k])) {
          return false;
        }
      }
      return true;
    }

    /**
     * The offset of the first occurrence of {@code words} at or after {@code from}, outside
     * parentheses, or -1.
     */
    public int find(int from, String... words) {
      int depth = 0;
      for (int k = 0; start + k < end; k++) {
        String token = get(k);
        if (token.equals("(")) {
          depth++;
        } else if (token.equals(")")) {
          depth--;
        } else if (depth == 0 && k >= from && matchesAt(k, words)) {
          return k;
        }
      }
      return -1;
    }

    /** Whether {@code words} occur outside parentheses. */
    public boolean has(String... words) {
      return find(0, words) >= 0;
    }

    /**
     * For {@code ADD [COLUMN] [IF NOT EXISTS] name ...}, the offset of the column's name (or of the
     * {@code (} of MySQL's {@code ADD (a ..., b ...)}); -1 when the clause adds no column.
     *
     * @param notAColumn the dialect's words that may follow {@code ADD} when it adds something else
     *     ({@code CONSTRAINT}, {@code INDEX}, ...), and {@code ""}
     */
    public int addedColumn(Set<String> notAColumn) {
      if (!get(0).equals("ADD")) {
        return -1;
      }
      int k;
      if (get(1).equals("COLUMN")) {
        k = 2;
      } else if (notAColumn.contains(get(1))) {
        return -1;
      } else {
        k = 1;
      }
      return matchesAt(k, "IF", "NOT", "EXISTS") ? k + 3 : k;
    }
  }
}
