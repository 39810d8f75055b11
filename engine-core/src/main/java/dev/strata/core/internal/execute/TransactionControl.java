package dev.strata.core.internal.execute;

import dev.strata.api.SqlStatement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises statements by which a script controls its own transactions ({@code BEGIN;} ... {@code
 * COMMIT;}). Such a script owns its transactions: Strata does not wrap it in one.
 */
public final class TransactionControl {
  // BEGIN ATOMIC (PostgreSQL function bodies) and BEGIN NOT ATOMIC (MariaDB compound statements)
  // start blocks, not transactions; ROLLBACK TO SAVEPOINT stays inside the transaction.
  private static final Pattern CONTROL =
      Pattern.compile(
          "(?is)(begin(\\s+(work|transaction))?(\\s+isolation\\s+.*|\\s+read\\s+.*)?"
              + "|start\\s+transaction.*"
              + "|commit(\\s+(work|transaction))?(\\s+and\\s+(no\\s+)?chain)?"
              + "|end(\\s+(work|transaction))?"
              + "|rollback(\\s+(work|transaction))?(\\s+and\\s+(no\\s+)?chain)?)\\s*");

  private TransactionControl() {}

  public static boolean isTransactionControl(SqlStatement statement) {
    String sql = statement.sql();
    int first = 0;
    while (first < sql.length() && Character.isWhitespace(sql.charAt(first))) {
      first++;
    }
    // Every statement is asked; only those starting like one of the keywords meet the pattern.
    if (first == sql.length() || "bBsScCeErR".indexOf(sql.charAt(first)) < 0) {
      return false;
    }
    return CONTROL.matcher(sql.strip()).matches();
  }

  public static boolean anyIn(List<SqlStatement> statements) {
    return statements.stream().anyMatch(TransactionControl::isTransactionControl);
  }
}
