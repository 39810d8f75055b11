package com.example.strata.sqlite;

import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import dev.strata.spi.SqlTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQLite script into statements as the {@code sqlite3} shell does: it collects text until
 * {@code sqlite3_complete()} says a statement is complete, so this parser follows that function's
 * tokenizer and state machine.
 *
 * <ul>
 *   <li>{@code '...'} strings, {@code "..."} and {@code `...`} identifiers (a doubled quote stands
 *       for one), {@code [...]} identifiers (ended by the first {@code ]}); no backslash escapes;
 *   <li>{@code --} comments run to the next {@code \n} (SQLite's rule: a lone {@code \r} does not
 *       end them), {@code /* ... *}{@code /} comments do not nest;
 *   <li>{@code CREATE [TEMP|TEMPORARY] TRIGGER} bodies keep their semicolons: such a statement ends
 *       only at a {@code ;} that follows {@code END} that follows a {@code ;}.
 * </ul>
 *
 * <p>Where the shell would report incomplete input (an unterminated string, identifier, comment or
 * trigger body), the parser throws naming the line where it starts. {@code VACUUM} and {@code
 * PRAGMA foreign_keys|journal_mode = ...}, which SQLite refuses or silently ignores inside a
 * transaction, are marked {@link SqlStatement#noTransaction()}.
 *
 * <p>Not thread-safe: one instance parses one script, through {@link #parse}.
 */
final class SqliteScriptParser {
  // sqlite3_complete()'s tokens; whitespace and comments change no state, so they are not fed in.
  private static final int SEMI = 0;
  private static final int OTHER = 1;
  private static final int EXPLAIN = 2;
  private static final int CREATE = 3;
  private static final int TEMP = 4;
  private static final int TRIGGER = 5;
  private static final int END = 6;

  // ... and its states, START being "between statements".
  private static final int S_START = 0;
  private static final int S_NORMAL = 1;
  private static final int S_EXPLAIN = 2;
  private static final int S_CREATE = 3;
  private static final int S_TRIGGER = 4;
  private static final int S_SEMI = 5;
  private static final int S_END = 6;

  /** {@code NEXT[state][token]}: complete.c's transition table. */
  private static final int[][] NEXT = {
    // SEMI     OTHER      EXPLAIN    CREATE     TEMP       TRIGGER    END
    {S_START, S_NORMAL, S_EXPLAIN, S_CREATE, S_NORMAL, S_NORMAL, S_NORMAL}, // START
    {S_START, S_NORMAL, S_NORMAL, S_NORMAL, S_NORMAL, S_NORMAL, S_NORMAL}, // NORMAL
    {S_START, S_EXPLAIN, S_NORMAL, S_CREATE, S_NORMAL, S_NORMAL, S_NORMAL}, // EXPLAIN
    {S_START, S_NORMAL, S_NORMAL, S_NORMAL, S_CREATE, S_TRIGGER, S_NORMAL}, // CREATE
    {S_SEMI, S_TRIGGER, S_TRIGGER, S_TRIGGER, S_TRIGGER, S_TRIGGER, S_TRIGGER}, // TRIGGER
    {S_SEMI, S_TRIGGER, S_TRIGGER, S_TRIGGER, S_TRIGGER, S_TRIGGER, S_END}, // SEMI
    {S_START, S_TRIGGER, S_TRIGGER, S_TRIGGER, S_TRIGGER, S_TRIGGER, S_TRIGGER}, // END
  };

  private final String script;
  private final int length;
  private final List<SqlStatement> statements = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int state = S_START;

  /** Index of the current statement's first token, or -1 between statements. */
  private int statementStart = -1;

  /** The line of that token. */
  private int statementLine;

  private SqliteScriptParser(String script) {
    this.script = script;
    this.length = script.length();
  }

  /**
   * The statements of {@code script}, in order.
   *
   * @throws ScriptParseException naming the line where an unterminated string, identifier, comment
   *     or trigger body starts
   */
  static List<SqlStatement> parse(String script) {
    return new SqliteScriptParser(script).run();
  }

  private List<SqlStatement> run() {
    while (pos < length) {
      char c = script.charAt(pos);
      if (c == ';') {
        semicolon(pos);
        pos++;
      } else if (c == '\'' || c == '"' || c == '`') {
        token(OTHER);
        skipQuoted(c);
      } else if (c == '[') {
        token(OTHER);
        skipBracketed();
      } else if (c == '-' && next() == '-') {
        skipLineComment();
      } else if (c == '/' && next() == '*') {
        skipBlockComment();
      } else if (isIdChar(c)) {
        int start = pos;
        while (pos < length && isIdChar(script.charAt(pos))) {
          pos++;
        }
        token(keyword(script.substring(start, pos)), start);
      } else if (Character.isWhitespace(c)) {
        advance();
      } else {
        token(OTHER);
        pos++;
      }
    }
    if (state == S_TRIGGER || state == S_SEMI) {
      throw new ScriptParseException(
          "<script>",
          statementLine,
          "unterminated CREATE TRIGGER starting here; end its body with END; (each statement"
              + " inside the body ends with ;)");
    }
    endStatement(length);
    return Collections.unmodifiableList(statements);
  }

  /** A token other than {@code ;} at {@code pos}. */
  private void token(int token) {
    token(token, pos);
  }

  private void token(int token, int at) {
    if (statementStart < 0) {
      statementStart = at;
      statementLine = line;
    }
    state = NEXT[state][token];
  }

  /** A {@code ;} at {@code at}: it ends the statement when the state machine says so. */
  private void semicolon(int at) {
    state = NEXT[state][SEMI];
    if (state == S_START) {
      endStatement(at);
    }
  }

  private void endStatement(int end) {
    if (statementStart >= 0) {
      String sql = script.substring(statementStart, end).strip();
      statements.add(new SqlStatement(sql, statementLine, refusesTransaction(sql)));
      statementStart = -1;
    }
    state = S_START;
  }

  private static int keyword(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "create":
        return CREATE;
      case "temp":
      case "temporary":
        return TEMP;
      case "trigger":
        return TRIGGER;
      case "explain":
        return EXPLAIN;
      case "end":
        return END;
      default:
        return OTHER;
    }
  }

  /**
   * Whether SQLite refuses the statement inside a transaction ({@code VACUUM}, changing {@code
   * journal_mode} to or from WAL) or silently ignores it there ({@code PRAGMA foreign_keys = ...},
   * which a table rebuild needs).
   */
  static boolean refusesTransaction(String sql) {
    SqlTokens t = SqlTokens.of(sql);
    if (t.startsWith("VACUUM")) {
      return true;
    }
    if (!t.startsWith("PRAGMA")) {
      return false;
    }
    int name = t.get(2).equals(".") ? 3 : 1; // PRAGMA [schema.]name
    String pragma = t.get(name);
    String assignment = t.get(name + 1);
    return (pragma.equals("FOREIGN_KEYS") || pragma.equals("JOURNAL_MODE"))
        && (assignment.equals("=") || assignment.equals("("));
  }

  /** Skips {@code quote ... quote}; a doubled quote stands for one. */
  private void skipQuoted(char quote) {
    int startLine = line;
    pos++;
    while (pos < length) {
      if (script.charAt(pos) == quote) {
        if (next() != quote) {
          pos++;
          return;
        }
        pos += 2;
      } else {
        advance();
      }
    }
    String what = quote == '\'' ? "string literal" : "quoted identifier";
    throw unterminated(
        startLine,
        what
            + " starting here; close it with "
            + quote
            + " or write a quote inside it as "
            + quote
            + quote);
  }

  /** Skips {@code [...]}, which ends at the first {@code ]} (there is no escape). */
  private void skipBracketed() {
    int startLine = line;
    pos++;
    while (pos < length) {
      if (script.charAt(pos) == ']') {
        pos++;
        return;
      }
      advance();
    }
    throw unterminated(startLine, "[identifier starting here; close it with ]");
  }

  /** Skips to the next {@code \n}, which the main loop then counts. */
  private void skipLineComment() {
    while (pos < length && script.charAt(pos) != '\n') {
      advance();
    }
  }

  private void skipBlockComment() {
    int startLine = line;
    pos += 2;
    while (pos < length) {
      if (script.charAt(pos) == '*' && next() == '/') {
        pos += 2;
        return;
      }
      advance();
    }
    throw unterminated(
        startLine, "block comment starting here; close it with */ (SQLite does not nest comments)");
  }

  /** SQLite's IdChar: letters, digits, {@code _}, {@code $} and every non-ASCII character. */
  private static boolean isIdChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '$'
        || c >= 0x80;
  }

  /** Moves past one character, counting line breaks ({@code \n}, {@code \r\n} or {@code \r}). */
  private void advance() {
    char c = script.charAt(pos++);
    if (c == '\n' || (c == '\r' && (pos == length || script.charAt(pos) != '\n'))) {
      line++;
    }
  }

  private char next() {
    return pos + 1 < length ? script.charAt(pos + 1) : '\0';
  }

  private static ScriptParseException unterminated(int line, String what) {
    return new ScriptParseException("<script>", line, "unterminated " + what);
  }
}
