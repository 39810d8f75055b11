package dev.strata.core.internal.execute;

import dev.strata.api.SqlStatement;
import java.util.List;

/**
 * Which statements of a script that controls its own transactions run inside one it opened, on a
 * database whose DDL is transactional (PostgreSQL). There, what such a transaction did is undone
 * together when it fails or its session ends before its {@code COMMIT}: the statements before its
 * {@code BEGIN} are what remains, and a progress mark inside it would claim more than that.
 *
 * <p>Where DDL commits implicitly (MySQL, H2) a script's {@code BEGIN} does not hold its DDL back,
 * so there every statement counts on its own and this is not used.
 */
final class ScriptTransactions {
  /** Per statement, the number (1-based) of the statement that opened its transaction, or 0. */
  private final int[] openedBy;

  /** The number of a statement opening a transaction the script never ends, or 0. */
  private final int unterminated;

  private ScriptTransactions(int[] openedBy, int unterminated) {
    this.openedBy = openedBy;
    this.unterminated = unterminated;
  }

  static ScriptTransactions of(List<SqlStatement> statements) {
    int[] openedBy = new int[statements.size()];
    int open = 0;
    for (int i = 0; i < statements.size(); i++) {
      openedBy[i] = open;
      switch (TransactionControl.effect(statements.get(i))) {
        case OPENS -> open = open == 0 ? i + 1 : open; // BEGIN inside one only warns
        case ENDS -> open = 0;
        case CHAINS -> open = i + 1;
        case NONE -> {}
      }
    }
    return new ScriptTransactions(openedBy, open);
  }

  /** For a script whose statements each count on their own. */
  static ScriptTransactions none(int statements) {
    return new ScriptTransactions(new int[statements], 0);
  }

  /**
   * The number (1-based) of the statement that opened the script's transaction in which statement
   * {@code index} (0-based) runs, or 0 when it runs outside one; the statement ending a transaction
   * runs inside it.
   */
  int openedBy(int index) {
    return openedBy[index];
  }

  /** The number (1-based) of a statement opening a transaction the script never ends, or 0. */
  int unterminated() {
    return unterminated;
  }
}
