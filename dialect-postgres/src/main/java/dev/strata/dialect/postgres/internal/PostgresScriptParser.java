package dev.strata.dialect.postgres.internal;

import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL script into statements where psql would send them to the server, following
 * the lexer of psql ({@code psqlscan.l}): a {@code ;} ends a statement unless it is inside
 *
 * <ul>
 *   <li>a string: {@code '...'} with {@code ''} for a quote (standard-conforming strings, the
 *       default since PostgreSQL 9.1), {@code E'...'} where a backslash escapes the next character,
 *       {@code U&'...'}, {@code B'...'}, {@code X'...'}, {@code N'...'};
 *   <li>a quoted identifier {@code "..."} (also {@code U&"..."}) with {@code ""} for a quote;
 *   <li>a dollar-quoted string {@code $$...$$} or {@code $tag$...$tag$}, where a tag is an
 *       identifier without {@code $} (so {@code $1} is a parameter, and {@code a$b$} a name);
 *   <li>a comment: {@code --} to the end of the line, or {@code /* ... *}{@code /}, which nests;
 *   <li>parentheses (as psql, so a rule's {@code DO ALSO (...; ...)} stays whole);
 *   <li>the {@code BEGIN ... END} of a SQL-standard body in {@code CREATE [OR REPLACE] FUNCTION |
 *       PROCEDURE}, counting the {@code CASE ... END} inside it (psql's own heuristic).
 * </ul>
 *
 * <p>{@code COPY ... FROM stdin;} takes the lines after it up to a line {@code \.} as its {@link
 * SqlStatement#data()}. Any other backslash outside quotes and comments is a psql meta-command
 * ({@code \connect}, {@code \i}, {@code \set}, ...) and is refused: Strata runs SQL only.
 *
 * <p>A statement's text runs from its first token to its last, without the {@code ;}: comments
 * before it are dropped (its line is that of its first token), comments inside it are kept. Empty
 * statements ({@code ;;}) and comment-only scripts yield nothing. Statements PostgreSQL refuses
 * inside a transaction block are flagged (see {@link TransactionRules}).
 *
 * <p>One linear pass: each character is looked at a bounded number of times, and each statement's
 * text is cut from the script with one {@code substring}. Not thread-safe: one instance parses one
 * script, through {@link #parse}.
 */
final class PostgresScriptParser {
  /** Enough leading words to recognise every statement {@link TransactionRules} knows. */
  private static final int MAX_WORDS = 32;

  private final String script;
  private final int length;
  private final int serverMajorVersion;
  private final List<SqlStatement> statements = new ArrayList<>();
  private int pos;
  private int line = 1;

  /** Index of the current statement's first token, or -1 between statements. */
  private int statementStart = -1;

  private int statementLine;
  private int lastTokenEnd;
  private int parenDepth;
  private int beginDepth;

  /** psql's count of the statement's identifiers, and the first letters of its first four. */
  private int identifierCount;

  private final char[] identifiers = new char[4];

  /** The words of {@code CREATE [OR REPLACE] FUNCTION | PROCEDURE}, by their first letter. */
  private static final String[] ROUTINE_KEYWORDS = {
    "create", "function", "procedure", "or", "replace"
  };

  /** The statement's first words outside parentheses, lower-cased; quoted names keep quotes. */
  private final List<String> words = new ArrayList<>();

  private PostgresScriptParser(String script, int serverMajorVersion) {
    this.script = script;
    this.length = script.length();
    this.serverMajorVersion = serverMajorVersion;
  }

  /**
   * The statements of {@code script}, in order.
   *
   * @param serverMajorVersion the server's major version, which decides whether a few statements
   *     may run inside a transaction
   * @throws ScriptParseException naming the line where an unterminated quote, comment, dollar quote
   *     or COPY data block starts, or where a psql meta-command is
   */
  static List<SqlStatement> parse(String script, int serverMajorVersion) {
    return new PostgresScriptParser(script, serverMajorVersion).run();
  }

  /**
   * The leading words of the first statement of {@code sql}, as {@link TransactionRules} sees them.
   */
  static List<String> words(String sql) {
    PostgresScriptParser parser = new PostgresScriptParser(sql, Integer.MAX_VALUE);
    parser.scan(true);
    return List.copyOf(parser.words);
  }

  private List<SqlStatement> run() {
    scan(false);
    endStatement(false);
    return Collections.unmodifiableList(statements);
  }

  /** Scans the script; with {@code firstOnly}, stops at the end of the first statement. */
  private void scan(boolean firstOnly) {
    while (pos < length) {
      char c = script.charAt(pos);
      if (c == ';' && parenDepth == 0 && beginDepth == 0) {
        if (firstOnly) {
          return;
        }
        endStatement(true);
        continue;
      } else if (c == '-' && next() == '-') {
        skipLineComment();
        continue;
      } else if (c == '/' && next() == '*') {
        skipBlockComment();
        continue;
      } else if (isSpace(c)) {
        advance();
        continue;
      } else if (c == '\\') {
        throw metaCommand();
      }
      startStatement();
      if (c == '\'') {
        skipString(false);
      } else if (c == '"') {
        skipQuotedIdentifier();
      } else if (c == '$') {
        dollar();
      } else if (isIdentifierStart(c)) {
        word();
      } else if (c >= '0' && c <= '9') {
        number();
      } else {
        if (c == '(') {
          parenDepth++;
        } else if (c == ')' && parenDepth > 0) {
          parenDepth--;
        }
        pos++;
      }
      lastTokenEnd = pos;
    }
  }

  private void startStatement() {
    if (statementStart < 0) {
      statementStart = pos;
      statementLine = line;
    }
  }

  /** Ends the current statement, at the {@code ;} under {@code pos} when {@code terminated}. */
  private void endStatement(boolean terminated) {
    if (terminated) {
      pos++;
    }
    if (statementStart >= 0) {
      String sql = script.substring(statementStart, lastTokenEnd);
      boolean noTransaction = TransactionRules.refusesTransaction(words, serverMajorVersion);
      String data = isCopyFromStdin() ? readCopyData(terminated) : null;
      statements.add(new SqlStatement(sql, statementLine, noTransaction, data));
    }
    statementStart = -1;
    parenDepth = 0;
    beginDepth = 0;
    identifierCount = 0;
    Arrays.fill(identifiers, '\0');
    words.clear();
  }

  /** {@code COPY ... FROM STDIN}, whose rows psql reads from the lines after it. */
  private boolean isCopyFromStdin() {
    if (words.isEmpty() || !words.get(0).equals("copy")) {
      return false;
    }
    for (int i = 1; i + 1 < words.size(); i++) {
      if (words.get(i).equals("from") && words.get(i + 1).equals("stdin")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the rows of a {@code COPY ... FROM stdin}: the lines after the statement's line, up to a
   * line holding only {@code \.}, which is left out.
   */
  private String readCopyData(boolean terminated) {
    int copyLine = statementLine;
    if (!terminated) {
      throw noEndOfData(copyLine);
    }
    while (pos < length && (script.charAt(pos) == ' ' || script.charAt(pos) == '\t')) {
      pos++;
    }
    if (script.startsWith("--", pos)) {
      skipLineComment();
    }
    if (pos < length && !isLineBreak(script.charAt(pos))) {
      throw new ScriptParseException(
          "<script>",
          line,
          "text after COPY ... FROM stdin; on the same line: psql reads the rows from the next"
              + " line, so end the line after the ';' and put the next statement after the"
              + " line \\.");
    }
    skipLineBreak();
    int dataStart = pos;
    while (pos < length) {
      int lineStart = pos;
      while (pos < length && !isLineBreak(script.charAt(pos))) {
        pos++;
      }
      boolean endOfData =
          pos - lineStart == 2
              && script.charAt(lineStart) == '\\'
              && script.charAt(lineStart + 1) == '.';
      skipLineBreak();
      if (endOfData) {
        return script.substring(dataStart, lineStart);
      }
    }
    throw noEndOfData(copyLine);
  }

  private static ScriptParseException noEndOfData(int line) {
    return new ScriptParseException(
        "<script>",
        line,
        "COPY ... FROM stdin starting here has no end of data: put its rows on the lines after"
            + " it and end them with a line holding only \\.");
  }

  /** Skips {@code '...'}; in an escape string ({@code E'...'}) a backslash escapes a character. */
  private void skipString(boolean escapes) {
    int startLine = line;
    pos++;
    while (pos < length) {
      char c = script.charAt(pos);
      if (c == '\'') {
        if (next() != '\'') {
          pos++;
          return;
        }
        pos += 2;
      } else if (escapes && c == '\\' && pos + 1 < length) {
        pos++;
        advance();
      } else {
        advance();
      }
    }
    throw unterminated(
        startLine,
        escapes
            ? "escape string E'...' starting here; close it with ' (a quote inside it is \\' or '')"
            : "string literal starting here; close it with ' (a quote inside it is '')");
  }

  private void skipQuotedIdentifier() {
    int start = pos;
    int startLine = line;
    pos++;
    while (pos < length) {
      if (script.charAt(pos) == '"') {
        if (next() != '"') {
          pos++;
          addWord(script.substring(start, pos));
          return;
        }
        pos += 2;
      } else {
        advance();
      }
    }
    throw unterminated(
        startLine, "quoted identifier starting here; close it with \" (a quote inside it is \"\")");
  }

  /** A {@code $}: a parameter ({@code $1}), the start of a dollar quote, or a plain character. */
  private void dollar() {
    int tagEnd = pos + 1;
    if (tagEnd < length && isIdentifierStart(script.charAt(tagEnd))) {
      tagEnd++;
      while (tagEnd < length && isTagPart(script.charAt(tagEnd))) {
        tagEnd++;
      }
    }
    if (tagEnd >= length || script.charAt(tagEnd) != '$') {
      pos++;
      while (pos < length && script.charAt(pos) >= '0' && script.charAt(pos) <= '9') {
        pos++; // $1, a positional parameter
      }
      return;
    }
    String tag = script.substring(pos, tagEnd + 1);
    int startLine = line;
    int close = script.indexOf(tag, tagEnd + 1);
    if (close < 0) {
      throw unterminated(
          startLine,
          "dollar-quoted text "
              + tag
              + " starting here; close it with "
              + tag
              + " (the same tag, same case)");
    }
    skipTo(close + tag.length());
  }

  /** An identifier or key word; or the prefix of a string, such as {@code E} in {@code E'...'}. */
  private void word() {
    int start = pos;
    pos++;
    while (pos < length && isIdentifierPart(script.charAt(pos))) {
      pos++;
    }
    if (pos - start == 1 && pos < length) {
      char prefix = script.charAt(start);
      char quote = script.charAt(pos);
      if (quote == '\'' && (prefix == 'e' || prefix == 'E')) {
        skipString(true);
        return;
      }
      if (quote == '\'' && "bBxXnN".indexOf(prefix) >= 0) {
        skipString(false);
        return;
      }
      if ((prefix == 'u' || prefix == 'U') && quote == '&' && pos + 1 < length) {
        char after = script.charAt(pos + 1);
        if (after == '\'' || after == '"') {
          pos++;
          if (after == '\'') {
            skipString(false);
          } else {
            skipQuotedIdentifier();
          }
          return;
        }
      }
    }
    identifier(start, pos);
  }

  /**
   * psql's heuristic for SQL-standard bodies: in a statement starting {@code CREATE [OR REPLACE]
   * FUNCTION | PROCEDURE}, outside parentheses, {@code BEGIN} opens a block, {@code CASE} inside a
   * block opens another, and {@code END} closes one; a {@code ;} inside a block does not split.
   */
  private void identifier(int start, int end) {
    if (identifierCount < identifiers.length) {
      identifiers[identifierCount] = routineKeyword(start, end);
    }
    identifierCount++;
    if (parenDepth == 0 && definesRoutine()) {
      if (is(start, end, "begin")) {
        beginDepth++;
      } else if (is(start, end, "case")) {
        if (beginDepth >= 1) {
          beginDepth++;
        }
      } else if (is(start, end, "end") && beginDepth > 0) {
        beginDepth--;
      }
    }
    if (wantsWord()) {
      addWord(script.substring(start, end).toLowerCase(Locale.ROOT));
    }
  }

  private char routineKeyword(int start, int end) {
    for (String keyword : ROUTINE_KEYWORDS) {
      if (is(start, end, keyword)) {
        return keyword.charAt(0);
      }
    }
    return '\0';
  }

  private boolean definesRoutine() {
    char[] w = identifiers;
    return w[0] == 'c'
        && (w[1] == 'f'
            || w[1] == 'p'
            || (w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p')));
  }

  private boolean is(int start, int end, String keyword) {
    return end - start == keyword.length()
        && script.regionMatches(true, start, keyword, 0, keyword.length());
  }

  /** Whether a word found now would be kept: checked before cutting it out of the script. */
  private boolean wantsWord() {
    return parenDepth == 0 && words.size() < MAX_WORDS;
  }

  private void addWord(String word) {
    if (wantsWord()) {
      words.add(word);
    }
  }

  /** A numeric literal; as in psql, a {@code $} after it is not part of it. */
  private void number() {
    pos++;
    while (pos < length) {
      char c = script.charAt(pos);
      if (!(isIdentifierPart(c) && c != '$') && c != '.') {
        return;
      }
      pos++;
    }
  }

  /** Skips to the end of the line; the line break itself is left to the main loop. */
  private void skipLineComment() {
    while (pos < length && !isLineBreak(script.charAt(pos))) {
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
        "block comment starting here; close it with */ (PostgreSQL nests comments, so each /*"
            + " inside it needs its own */)");
  }

  private ScriptParseException metaCommand() {
    int end = pos + 1;
    while (end < length && end - pos < 40 && !isSpace(script.charAt(end))) {
      end++;
    }
    String command = script.substring(pos, end);
    return new ScriptParseException(
        "<script>",
        line,
        "psql meta-command "
            + command
            + " is not supported: Strata runs SQL only, and a"
            + " backslash outside quotes is psql's, not the server's. Remove it, or run this"
            + " script with psql");
  }

  private void skipTo(int end) {
    while (pos < end) {
      advance();
    }
  }

  /** Moves past one character, counting line breaks ({@code \n}, {@code \r\n} or {@code \r}). */
  private void advance() {
    char c = script.charAt(pos++);
    if (c == '\n' || (c == '\r' && (pos == length || script.charAt(pos) != '\n'))) {
      line++;
    }
  }

  private void skipLineBreak() {
    if (pos < length && isLineBreak(script.charAt(pos))) {
      if (script.charAt(pos) == '\r' && pos + 1 < length && script.charAt(pos + 1) == '\n') {
        pos++;
      }
      advance();
    }
  }

  private char next() {
    return pos + 1 < length ? script.charAt(pos + 1) : '\0';
  }

  /** psql's {@code space}: blank, tab, line feed, carriage return, form feed, vertical tab. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** psql's {@code ident_start}: a letter, {@code _}, or any non-ASCII character. */
  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  /** psql's {@code ident_cont}: also digits and {@code $}. */
  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
  }

  /** psql's {@code dolq_cont}: a dollar-quote tag has no {@code $} inside. */
  private static boolean isTagPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }

  private static ScriptParseException unterminated(int line, String what) {
    return new ScriptParseException("<script>", line, "unterminated " + what);
  }
}
