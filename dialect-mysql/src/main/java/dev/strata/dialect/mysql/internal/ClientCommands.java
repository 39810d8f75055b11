package dev.strata.dialect.mysql.internal;

import dev.strata.api.ScriptParseException;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code mysql}/{@code mariadb} client's own commands, which a script may contain but only the
 * client can run: {@link MySqlScriptParser} refuses them, naming the line, rather than sending them
 * to the server.
 */
final class ClientCommands {
  /** The commands spelled as words, as they may start a line or a statement ({@code use} aside). */
  private static final Set<String> WORDS =
      Set.of(
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
          "warnings");

  /** No command is longer. */
  private static final int LONGEST = 16;

  private ClientCommands() {}

  /** Whether {@code word} (lower case) is one of the client's commands other than {@code use}. */
  static boolean isCommand(String word) {
    return WORDS.contains(word);
  }

  /**
   * The lower-cased word (ASCII letters and underscores, or a lone {@code ?}) at {@code start} of
   * {@code text} when whitespace or the end follows it and it is no longer than a command; else
   * empty.
   */
  static String firstWord(String text, int start) {
    int end = start;
    if (end < text.length() && text.charAt(end) == '?') {
      end++;
    } else {
      while (end < text.length() && end - start <= LONGEST && isWordCharacter(text.charAt(end))) {
        end++;
      }
    }
    if (end == start || end - start > LONGEST) {
      return "";
    }
    if (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      return "";
    }
    return text.substring(start, end).toLowerCase(Locale.ROOT);
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
