package dev.strata.dialect.h2.internal;

import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits an H2 script into statements at each {@code ;} outside string literals ({@code '...'}),
 * quoted identifiers ({@code "..."}), comments ({@code --} and {@code //} to the end of the line,
 * nested {@code /* ... *}{@code /}) and {@code $$...$$} bodies, as H2's own {@code RunScript} does.
 *
 * <p>One linear pass: each character is looked at once and each statement's text is cut from the
 * script with one {@code substring}. A statement's text is trimmed and excludes its {@code ;};
 * comments before it are dropped (its line is that of its first real token), comments inside it are
 * kept. Empty statements and comment-only scripts yield nothing. {@code ${...}} is plain text.
 *
 * <p>Not thread-safe: one instance parses one script, through {@link #parse}.
 */
final class H2ScriptParser {
  private final String script;
  private final int length;
  private final List<SqlStatement> statements = new ArrayList<>();
  private int pos;
  private int line = 1;

  /** Index of the current statement's first token, or -1 between statements. */
  private int statementStart = -1;

  private int statementLine;

  private H2ScriptParser(String script) {
    this.script = script;
    this.length = script.length();
  }

  /**
   * The statements of {@code script}, in order.
   *
   * @throws ScriptParseException naming the line where an unterminated quote, comment or {@code $$}
   *     body starts
   */
  static List<SqlStatement> parse(String script) {
    return new H2ScriptParser(script).run();
  }

  private List<SqlStatement> run() {
    while (pos < length) {
      char c = script.charAt(pos);
      if (c == ';') {
        endStatement(pos);
        pos++;
      } else if (c == '\'') {
        startStatement();
        skipQuoted('\'', "string literal");
      } else if (c == '"') {
        startStatement();
        skipQuoted('"', "quoted identifier");
      } else if ((c == '-' && next() == '-') || (c == '/' && next() == '/')) {
        skipLineComment();
      } else if (c == '/' && next() == '*') {
        skipBlockComment();
      } else if (c == '$' && next() == '$' && !followsIdentifierCharacter()) {
        startStatement();
        skipDollarQuoted();
      } else {
        if (!Character.isWhitespace(c)) {
          startStatement();
        }
        advance();
      }
    }
    endStatement(length);
    return Collections.unmodifiableList(statements);
  }

  private void startStatement() {
    if (statementStart < 0) {
      statementStart = pos;
      statementLine = line;
    }
  }

  private void endStatement(int end) {
    if (statementStart >= 0) {
      String sql = script.substring(statementStart, end).strip();
      statements.add(SqlStatement.of(sql, statementLine));
      statementStart = -1;
    }
  }

  /** Skips {@code quote ... quote}, where a doubled quote stands for one. */
  private void skipQuoted(char quote, String what) {
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
    throw unterminated(
        startLine,
        what
            + " starting here; close it with "
            + quote
            + " or escape a quote inside it as "
            + quote
            + quote);
  }

  /** Skips to the end of the line; the line break itself is left to the main loop. */
  private void skipLineComment() {
    while (pos < length && script.charAt(pos) != '\n' && script.charAt(pos) != '\r') {
      pos++;
    }
  }

  private void skipBlockComment() {
    int startLine = line;
    int depth = 0;
    while (pos < length) {
      char c = script.charAt(pos);
      if (c == '/' && next() == '*') {
        depth++;
        pos += 2;
      } else if (c == '*' && next() == '/') {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        advance();
      }
    }
    throw unterminated(
        startLine,
        "block comment starting here; close it with */ (H2 nests comments, so each /* inside it"
            + " needs its own */)");
  }

  private void skipDollarQuoted() {
    int startLine = line;
    pos += 2;
    while (pos < length) {
      if (script.charAt(pos) == '$' && next() == '$') {
        pos += 2;
        return;
      }
      advance();
    }
    throw unterminated(startLine, "$$ quoted text starting here; close it with $$");
  }

  /** Whether the character before {@code pos} makes {@code $$} part of a name such as A$$B. */
  private boolean followsIdentifierCharacter() {
    if (pos == 0) {
      return false;
    }
    char before = script.charAt(pos - 1);
    return Character.isLetterOrDigit(before) || before == '_' || before == '$';
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
