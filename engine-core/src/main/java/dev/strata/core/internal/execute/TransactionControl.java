package dev.strata.core.internal.execute;

import dev.strata.api.SqlStatement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises statements by which a script controls its own transactions ({@code BEGIN;} ... {@code
 * COMMIT;}). Such a script owns its transactions: Strata does not wrap it in one.
 */
public final class TransactionControl {
  /** What a statement does to the session's transaction. */
  public enum Effect {
    NONE,
    /** {@code BEGIN}, {@code START TRANSACTION}. */
    OPENS,
    /** {@code COMMIT}, {@code END}, {@code ROLLBACK}, PostgreSQL's {@code ABORT}. */
    ENDS,
    /** {@code COMMIT AND CHAIN}, {@code ROLLBACK AND CHAIN}: ends one and opens the next. */
    CHAINS
  }

  // BEGIN ATOMIC (PostgreSQL function bodies) and BEGIN NOT ATOMIC (MariaDB compound statements)
  // start blocks, not transactions; ROLLBACK TO SAVEPOINT stays inside the transaction.
  private static final Pattern OPENS =
      Pattern.compile(
          "(?is)(begin(\\s+(work|transaction))?"
              + "(\\s+(isolation|read|deferrable|not\\s+deferrable)\\b.*)?"
              + "|start\\s+transaction.*)\\s*");
  private static final Pattern ENDS =
      Pattern.compile(
          "(?is)(commit|end|rollback|abort)(\\s+(work|transaction))?(\\s+and\\s+(no\\s+)?chain)?\\s*");
  private static final Pattern CHAINS = Pattern.compile("(?is).*\\s+and\\s+chain\\s*");

  private TransactionControl() {}

  public static boolean isTransactionControl(SqlStatement statement) {
    return effect(statement) != Effect.NONE;
  }

  public static Effect effect(SqlStatement statement) {
    String sql = statement.sql();
    int first = 0;
    while (first < sql.length() && Character.isWhitespace(sql.charAt(first))) {
      first++;
    }
    // Every statement is asked; only those starting like one of the keywords meet a pattern.
    if (first == sql.length() || "aAbBsScCeErR".indexOf(sql.charAt(first)) < 0) {
      return Effect.NONE;
    }
    String stripped = sql.strip();
    if (OPENS.matcher(stripped).matches()) {
      return Effect.OPENS;
    }
    if (ENDS.matcher(stripped).matches()) {
      return CHAINS.matcher(stripped).matches() ? Effect.CHAINS : Effect.ENDS;
    }
    return Effect.NONE;
  }

  public static boolean anyIn(List<SqlStatement> statements) {
    return statements.stream().anyMatch(TransactionControl::isTransactionControl);
  }
}
