package dev.strata.dialect.postgres.internal.lint;

import dev.strata.spi.SqlTokens;
import dev.strata.spi.support.AlterTable;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One clause of an {@code ALTER TABLE} statement as PostgreSQL reads it: the shared {@link
 * AlterTable.Clause} (found with PostgreSQL's {@code ALTER TABLE name *}) plus the questions only
 * PostgreSQL's rules ask of it. Offsets are relative to the clause's first token.
 */
record AlterTableClause(AlterTable.Clause clause) {
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
    AlterTable alter = alterTable(t);
    return alter == null ? null : alter.table();
  }

  /** The clauses of an {@code ALTER TABLE} statement, in order. */
  static List<AlterTableClause> of(SqlTokens t) {
    AlterTable alter = alterTable(t);
    return alter == null ? List.of() : alter.clauses().stream().map(AlterTableClause::new).toList();
  }

  /** {@code ALTER TABLE name * ...} includes descendant tables: the {@code *} is no clause. */
  private static @Nullable AlterTable alterTable(SqlTokens t) {
    return AlterTable.of(t, Set.of(), k -> t.get(k).equals("*") ? k + 1 : k);
  }

  String get(int offset) {
    return clause.get(offset);
  }

  String name(int offset) {
    return clause.name(offset);
  }

  boolean matchesAt(int offset, String... words) {
    return clause.matchesAt(offset, words);
  }

  int find(int from, String... words) {
    return clause.find(from, words);
  }

  boolean has(String... words) {
    return clause.has(words);
  }

  /**
   * For {@code ADD [COLUMN] [IF NOT EXISTS] name type ...}, the offset of the column's name; -1
   * when the clause adds no column.
   */
  int addedColumn() {
    return clause.addedColumn(NOT_A_COLUMN);
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
