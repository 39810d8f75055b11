package dev.strata.api;

/**
 * One statement of a script, as the dialect's parser split it.
 *
 * @param sql the statement text, without its terminating delimiter
 * @param line the 1-based line of the script on which the statement starts
 * @param noTransaction whether the database refuses to run it inside a transaction (for example
 *     PostgreSQL's {@code CREATE INDEX CONCURRENTLY}); a migration containing one runs without a
 *     transaction
 */
public record SqlStatement(String sql, int line, boolean noTransaction) {
  public SqlStatement {
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1, was " + line);
    }
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
