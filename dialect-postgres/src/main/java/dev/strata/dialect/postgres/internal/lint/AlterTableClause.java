package dev.strata.dialect.postgres.internal.lint;

import dev.strata.spi.support.SqlTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One clause of an {@code ALTER TABLE} statement: the tokens between the table name or a top-level
 * comma and the next top-level comma. Offsets are relative to the clause's first token.
 */
record AlterTableClause(SqlTokens tokens, int start, int end) {
  /** What may follow {@code ADD} when it adds no column. */
  private static final Set<String> NOT_A_COLUMN =
      Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "");

  /** The constraint kinds {@code ADD [CONSTRAINT name]} may introduce. */
  private static final Set<String> CONSTRAINT_KINDS =
      Set.of("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE");

  /** The {@code serial} types: integers with a {@code nextval()} default. */
  private static final Set<String> SERIAL_TYPES =
      Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8");

  /** The altered table, or {@code null} when the statement is no {@code ALTER TABLE}. */
  static @Nullable String table(SqlTokens t) {
    return t.startsWith("ALTER", "TABLE") ? t.tableAt(2) : null;
  }

  /** The clauses of an {@code ALTER TABLE} statement, in order. */
  static List<AlterTableClause> of(SqlTokens t) {
    int k = 2;
    while (t.get(k).equals("IF") || t.get(k).equals("EXISTS") || t.get(k).equals("ONLY")) {
      k++;
    }
    k++; // past the name
    while (t.get(k).equals(".")) {
      k += 2; // past a qualifier's dot and the next part
    }
    if (t.get(k).equals("*")) {
      k++; // ALTER TABLE name * (descendant tables included)
    }
    List<AlterTableClause> clauses = new ArrayList<>();
    int start = k;
    int depth = 0;
    for (int i = k; i < t.size(); i++) {
      String token = t.get(i);
      if (token.equals("(")) {
        depth++;
      } else if (token.equals(")")) {
        depth--;
      } else if (token.equals(",") && depth == 0) {
        clauses.add(new AlterTableClause(t, start, i));
        start = i + 1;
      }
    }
    clauses.add(new AlterTableClause(t, start, t.size()));
    return clauses;
  }

  /** The token at {@code offset}, or {@code ""} past the clause's end. */
  String get(int offset) {
    return start + offset < end ? tokens.get(start + offset) : "";
  }

  /**
   * The identifier at {@code offset}, lower-cased as the server folds it (quoted names as written).
   */
  String name(int offset) {
    return get(offset).toLowerCase(Locale.ROOT);
  }

  /** Whether {@code words} follow each other from {@code offset}. */
  boolean matchesAt(int offset, String... words) {
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
  int find(int from, String... words) {
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
  boolean has(String... words) {
    return find(0, words) >= 0;
  }

  /**
   * For {@code ADD [COLUMN] [IF NOT EXISTS] name type ...}, the offset of the column's name; -1
   * when the clause adds no column.
   */
  int addedColumn() {
    if (!get(0).equals("ADD")) {
      return -1;
    }
    int k;
    if (get(1).equals("COLUMN")) {
      k = 2;
    } else if (NOT_A_COLUMN.contains(get(1))) {
      return -1;
    } else {
      k = 1;
    }
    return matchesAt(k, "IF", "NOT", "EXISTS") ? k + 3 : k;
  }

  /**
   * For {@code ADD [CONSTRAINT name] PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY|EXCLUDE ...}, the offset
   * of the constraint's kind; -1 when the clause adds no table constraint.
   */
  int addedConstraint() {
    if (!get(0).equals("ADD")) {
      return -1;
    }
    int k = get(1).equals("CONSTRAINT") ? 3 : 1;
    return CONSTRAINT_KINDS.contains(get(k)) ? k : -1;
  }

  /** The constraint's name for messages: {@code ADD CONSTRAINT name ...}, else {@code kind}. */
  String constraintName(String kind) {
    return get(1).equals("CONSTRAINT") ? name(2) : kind;
  }

  /**
   * Whether the constraint is built from an existing index ({@code USING INDEX name}), not {@code
   * USING INDEX TABLESPACE}, which only says where a new index goes.
   */
  boolean usesExistingIndex() {
    int k = find(0, "USING", "INDEX");
    return k >= 0 && !get(k + 2).equals("TABLESPACE");
  }

  /** Whether the type at {@code offset} is a {@code serial} type. */
  boolean isSerialType(int offset) {
    return SERIAL_TYPES.contains(get(offset));
  }
}
