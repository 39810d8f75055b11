package dev.strata.dialect.postgres.internal;

import java.util.List;

/**
 * The statements PostgreSQL refuses inside a transaction block ("... cannot run inside a
 * transaction block": the server's {@code PreventInTransactionBlock} calls), recognised from a
 * statement's words outside parentheses, strings and comments (lower-cased; quoted names keep their
 * quotes, so {@code "vacuum"} is no key word):
 *
 * <ul>
 *   <li>{@code CREATE [UNIQUE] INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}, {@code REINDEX
 *       ... CONCURRENTLY}, {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY};
 *   <li>{@code REINDEX SCHEMA | DATABASE | SYSTEM}, {@code VACUUM}, {@code CLUSTER} without a
 *       table;
 *   <li>{@code CREATE | DROP DATABASE}, {@code ALTER DATABASE ... SET TABLESPACE}, {@code CREATE |
 *       DROP TABLESPACE}, {@code ALTER SYSTEM};
 *   <li>{@code CREATE | DROP SUBSCRIPTION}, {@code ALTER SUBSCRIPTION ... PUBLICATION} (refresh, or
 *       set, add or drop a publication: these refresh unless told {@code refresh = false}, which is
 *       not looked at; running such a statement outside a transaction is always allowed);
 *   <li>{@code DISCARD ALL}, {@code COMMIT PREPARED}, {@code ROLLBACK PREPARED};
 *   <li>{@code ALTER TYPE ... ADD VALUE} on servers before PostgreSQL 12.
 * </ul>
 *
 * <p>Cases decided by the objects involved (CLUSTER or REINDEX of a partitioned table) cannot be
 * seen in the text; the server refuses them with its own message.
 */
final class TransactionRules {
  private TransactionRules() {}

  /** Whether PostgreSQL refuses to run the statement with these words in a transaction block. */
  static boolean refusesTransaction(List<String> words, int serverMajorVersion) {
    String second = at(words, 1);
    switch (at(words, 0)) {
      case "create":
        int index = "unique".equals(second) ? 2 : 1;
        return ("index".equals(at(words, index)) && "concurrently".equals(at(words, index + 1)))
            || isOneOf(second, "database", "tablespace", "subscription");
      case "drop":
        return ("index".equals(second) && "concurrently".equals(at(words, 2)))
            || isOneOf(second, "database", "tablespace", "subscription");
      case "reindex":
        return words.contains("concurrently") || isOneOf(second, "schema", "database", "system");
      case "vacuum":
        return true;
      case "cluster":
        return words.stream().skip(1).allMatch("verbose"::equals);
      case "alter":
        switch (second) {
          case "system":
            return true;
          case "database":
            return containsPair(words, "set", "tablespace");
          case "table":
            return words.contains("detach") && words.contains("concurrently");
          case "type":
            return serverMajorVersion < 12 && containsPair(words, "add", "value");
          case "subscription":
            return words.contains("publication");
          default:
            return false;
        }
      case "discard":
        return "all".equals(second);
      case "commit":
      case "rollback":
        return "prepared".equals(second);
      default:
        return false;
    }
  }

  /**
   * Whether a statement waits for other sessions without blocking their reads and writes while it
   * waits: the {@code CONCURRENTLY} forms and {@code VACUUM}. A lock timeout would only make them
   * fail, and a failed {@code CREATE INDEX CONCURRENTLY} leaves an invalid index behind.
   */
  static boolean waitsWithoutBlocking(List<String> words) {
    return words.contains("concurrently") || "vacuum".equals(at(words, 0));
  }

  private static String at(List<String> words, int index) {
    return index < words.size() ? words.get(index) : "";
  }

  private static boolean isOneOf(String word, String... candidates) {
    for (String candidate : candidates) {
      if (candidate.equals(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsPair(List<String> words, String first, String second) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals(first) && words.get(i + 1).equals(second)) {
        return true;
      }
    }
    return false;
  }
}
