package dev.strata.dialect.mysql.internal;

import dev.strata.api.ScriptParseException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code mysql}/{@code mariadb} client's own commands, which a script may contain but only the
 * client can run: {@link MySqlScriptParser} refuses them, naming the line, rather than sending them
 * to the server.
 */
final class ClientCommands {
  /** The commands spelled as words, as they may start a line or a statement ({@code use} aside). */
  private static final String[] WORDS = {
    "?",
    "charset",
    "clear",
    "connect",
    "edit",
    "ego",
    "exit",
    "go",
    "help",
    "nopager",
    "notee",
    "nowarning",
    "pager",
    "print",
    "prompt",
    "query_attributes",
    "quit",
    "rehash",
    "resetconnection",
    "sandbox",
    "source",
    "status",
    "system",
    "tee",
    "warnings"
  };

  /** No command is longer. */
  private static final int LONGEST = 16;

  private ClientCommands() {}

  /**
   * The end of the word (ASCII letters and underscores, or a lone {@code ?}) at {@code start} of
   * {@code text}, read as if it ended at {@code limit}, when whitespace or {@code limit} follows it
   * and it is no longer than a command; else -1. The parser calls this at every line start, so it
   * allocates nothing.
   */
  static int wordEnd(String text, int start, int limit) {
    int end = start;
    if (end < limit && text.charAt(end) == '?') {
      end++;
    } else {
      while (end < limit && end - start <= LONGEST && isWordCharacter(text.charAt(end))) {
        end++;
      }
    }
    if (end == start || end - start > LONGEST) {
      return -1;
    }
    if (end < limit && !Character.isWhitespace(text.charAt(end))) {
      return -1;
    }
    return end;
  }

  /**
   * Whether the word {@code text.substring(start, end)}, as {@link #wordEnd} found it, is {@code
   * lowerCase} in any case.
   */
  static boolean is(String text, int start, int end, String lowerCase) {
    if (end - start != lowerCase.length()) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      // The word holds only ASCII letters, underscores and ?, so ASCII folding is exact.
      if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerCase.charAt(i - start)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The client command (lower case) that the word {@code text.substring(start, end)}, as {@link
   * #wordEnd} found it, spells, other than {@code use}; else {@code null}.
   */
  static @Nullable String command(String text, int start, int end) {
    for (String word : WORDS) {
      if (is(text, start, end, word)) {
        return word;
      }
    }
    return null;
  }

  /** The error for client command {@code command} (a word, or {@code \x}) on {@code line}. */
  static ScriptParseException refuse(int line, String command) {
    String what =
        "`"
            + command
            + "` is a command of the mysql client, not SQL: Strata sends each statement"
            + " to the server and cannot run it; ";
    String todo =
        switch (command) {
          case "source", "\\." -> "put the sourced file's statements in a migration of their own";
          case "\\g", "\\G", "go", "ego" -> "end the statement with its delimiter instead";
          case "\\d" -> "write DELIMITER on a line of its own instead";
          default -> "remove it";
        };
    return MySqlScriptParser.error(line, what + todo);
  }

  private static boolean isWordCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
}
