package dev.strata.api;

import org.jspecify.annotations.Nullable;

/**
 * One statement of a script, as the dialect's parser split it.
 *
 * @param sql the statement text, without its terminating delimiter
 * @param line the 1-based line of the script on which the statement starts
 * @param noTransaction whether the database refuses to run it inside a transaction (for example
 *     PostgreSQL's {@code CREATE INDEX CONCURRENTLY}); a migration containing one runs without a
 *     transaction
 * @param data data that travels with the statement instead of inside it, such as the rows after
 *     PostgreSQL's {@code COPY ... FROM stdin}; {@code null} for most statements
 */
public record SqlStatement(String sql, int line, boolean noTransaction, @Nullable String data) {
  public SqlStatement {
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1, was " + line);
    }
  }

  /** A statement without inline data. */
  public SqlStatement(String sql, int line, boolean noTransaction) {
    this(sql, line, noTransaction, null);
  }

  /** A statement that may run inside a transaction. */
  public static SqlStatement of(String sql, int line) {
    return new SqlStatement(sql, line, false);
  }

  /** The first line of the statement, for progress and error messages. */
  public String firstLine() {
    String trimmed = sql.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).stripTrailing() + " …";
  }
}
