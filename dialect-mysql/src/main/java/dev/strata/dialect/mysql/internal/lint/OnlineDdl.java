package dev.strata.dialect.mysql.internal.lint;

import dev.strata.spi.SqlTokens;
import java.util.Set;

/**
 * The {@code ALGORITHM [=] ...} and {@code LOCK [=] ...} clauses of an {@code ALTER TABLE} or
 * {@code CREATE INDEX} statement ({@code ""} where absent). With them the server makes the change
 * in place and without blocking writes, or refuses it; without them it silently falls back to
 * copying the table while writes wait.
 *
 * @param algorithm {@code INSTANT}, {@code INPLACE}, {@code NOCOPY} (MariaDB), {@code COPY} or
 *     {@code DEFAULT}
 * @param lock {@code NONE}, {@code SHARED}, {@code EXCLUSIVE} or {@code DEFAULT}; MariaDB's {@code
 *     ALTER ONLINE TABLE} means {@code NONE}
 */
record OnlineDdl(String algorithm, String lock) {
  private static final Set<String> ALGORITHMS =
      Set.of("DEFAULT", "INSTANT", "INPLACE", "NOCOPY", "COPY");
  private static final Set<String> LOCKS = Set.of("DEFAULT", "NONE", "SHARED", "EXCLUSIVE");

  /**
   * The clauses outside parentheses from {@code from} on; {@code online} for {@code ALTER ONLINE}.
   */
  static OnlineDdl of(SqlTokens t, int from, boolean online) {
    String algorithm = "";
    String lock = online ? "NONE" : "";
    int depth = 0;
    for (int k = from; k < t.size(); k++) {
      String token = t.get(k);
      if (token.equals("(")) {
        depth++;
      } else if (token.equals(")")) {
        depth--;
      } else if (depth == 0 && (token.equals("ALGORITHM") || token.equals("LOCK"))) {
        String value = t.get(k + 1).equals("=") ? t.get(k + 2) : t.get(k + 1);
        if (token.equals("ALGORITHM") && ALGORITHMS.contains(value)) {
          algorithm = value;
        } else if (token.equals("LOCK") && LOCKS.contains(value)) {
          lock = value;
        }
      }
    }
    return new OnlineDdl(algorithm, lock);
  }

  /**
   * Whether the server must make the change without copying the table and without blocking writes:
   * {@code ALGORITHM=INSTANT}, or {@code ALGORITHM=INPLACE|NOCOPY} with {@code LOCK=NONE}.
   */
  boolean isOnline() {
    return algorithm.equals("INSTANT")
        || (algorithm.equals("INPLACE") || algorithm.equals("NOCOPY")) && lock.equals("NONE");
  }

  /** What is missing or wrong, for messages. */
  String problem() {
    if (algorithm.isEmpty() && lock.isEmpty()) {
      return "without ALGORITHM and LOCK";
    }
    if (algorithm.isEmpty() || algorithm.equals("DEFAULT")) {
      return "without ALGORITHM=INPLACE";
    }
    if (algorithm.equals("COPY")) {
      return "with ALGORITHM=COPY";
    }
    return lock.isEmpty() || lock.equals("DEFAULT") ? "without LOCK=NONE" : "with LOCK=" + lock;
  }
}
