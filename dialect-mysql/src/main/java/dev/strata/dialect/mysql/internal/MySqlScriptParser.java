package dev.strata.dialect.mysql.internal;

import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Splits a MySQL or MariaDB script into statements the way the {@code mysql}/{@code mariadb}
 * command-line client does when a file is piped into it, in one linear pass.
 *
 * <ul>
 *   <li>A statement ends at the current delimiter ({@code ;} until a {@code DELIMITER} line changes
 *       it) outside string literals ({@code '...'}, {@code "..."}: a quote inside is doubled or,
 *       unless {@link #withNoBackslashEscapes NO_BACKSLASH_ESCAPES}, escaped with a backslash),
 *       quoted identifiers ({@code `...`}, a backtick inside doubled; backslashes are plain text,
 *       as in {@code "..."} under {@link #withAnsiQuotes ANSI_QUOTES}) and comments ({@code #} and
 *       {@code -- } to the end of the line, {@code /* ... *}{@code /}, which do not nest).
 *   <li>{@code --} starts a comment only when a space, a control character or the end of the line
 *       follows ({@code SELECT 1--1} is arithmetic), except before a statement's first token, where
 *       the mariadb client skips any {@code --} line.
 *   <li>Executable comments {@code /*!...*}{@code /} and, on MariaDB, {@code /*M!...*}{@code /} are
 *       statement text, since the server runs their content; like the client, the parser looks
 *       inside them, so a delimiter inside one ends the statement there (which is why {@code
 *       mysqldump} wraps triggers written in them in {@code DELIMITER ;;}). On MySQL, {@code /*M!}
 *       is an ordinary comment.
 *   <li>One difference from the clients, deliberately: under the {@code ;} delimiter a stored
 *       program ({@code CREATE PROCEDURE}, {@code FUNCTION}, {@code TRIGGER} or {@code EVENT}, also
 *       inside executable comments) or MariaDB's {@code BEGIN NOT ATOMIC} runs on to the {@code
 *       END} of its outermost {@code BEGIN} block, as the server parses it when a tool sends a
 *       whole file as one multi-statement query (golang-migrate, Ory popx, Prisma, sqlx, Diesel)
 *       and as Flyway's parser reads it. The clients would cut the body at its first {@code ;} and
 *       send the server a statement it refuses; a script that works with them uses {@code
 *       DELIMITER} and reads the same here.
 *   <li>{@code DELIMITER xx} as the first word of a line between statements (case-insensitive) sets
 *       the delimiter to its argument, the first word after it, and is not itself a statement; the
 *       rest of its line is ignored. Inside an unterminated statement it is an error: the mysql
 *       client would run the pending statement first, the mariadb client would send the line to the
 *       server as part of it.
 *   <li>{@code USE db} on a line of its own without a delimiter is a complete statement, as the
 *       client runs it at once; with a delimiter it is an ordinary statement.
 *   <li>The client's own commands ({@code source}, {@code \.}, {@code quit}, {@code \g}, ...) are
 *       errors naming the line: Strata sends statements to the server and cannot run them. {@code
 *       \N} (NULL) is text; {@code \-} (the sandbox mode {@code mariadb-dump} writes at the top of
 *       a dump, inside a comment the server skips) is accepted and does nothing.
 * </ul>
 *
 * <p>A statement's text is cut from the script unchanged (comments inside it included), without its
 * delimiter and trimmed; its line is that of its first token, comments before it excluded. Empty
 * statements yield nothing. The client learns {@code NO_BACKSLASH_ESCAPES} and {@code ANSI_QUOTES}
 * from the server as it goes; a script cannot change them for the parser, which splits before
 * anything runs, so they are fixed per parser.
 *
 * <p>Immutable and thread-safe; each {@link #parse} call works on its own state.
 */
public final class MySqlScriptParser {
  private final boolean mariaDb;
  private final boolean backslashEscapes;
  private final boolean ansiQuotes;

  private MySqlScriptParser(boolean mariaDb, boolean backslashEscapes, boolean ansiQuotes) {
    this.mariaDb = mariaDb;
    this.backslashEscapes = backslashEscapes;
    this.ansiQuotes = ansiQuotes;
  }

  /** A parser for MariaDB, where {@code /*M!...*}{@code /} comments are executable. */
  public static MySqlScriptParser mariaDb() {
    return new MySqlScriptParser(true, true, false);
  }

  /** A parser for MySQL, where {@code /*M!...*}{@code /} is an ordinary comment. */
  public static MySqlScriptParser mySql() {
    return new MySqlScriptParser(false, true, false);
  }

  /**
   * This parser for a server whose {@code sql_mode} includes {@code NO_BACKSLASH_ESCAPES} (or not):
   * a backslash in a string literal is then plain text, and {@code 'a\'} is a complete literal.
   */
  public MySqlScriptParser withNoBackslashEscapes(boolean noBackslashEscapes) {
    return new MySqlScriptParser(mariaDb, !noBackslashEscapes, ansiQuotes);
  }

  /**
   * This parser for a server whose {@code sql_mode} includes {@code ANSI_QUOTES} (or not): {@code
   * "..."} is then a quoted identifier, in which a backslash is plain text. Statements split at the
   * same places otherwise.
   */
  public MySqlScriptParser withAnsiQuotes(boolean ansiQuotes) {
    return new MySqlScriptParser(mariaDb, backslashEscapes, ansiQuotes);
  }

  /**
   * The statements of {@code script}, in order.
   *
   * @throws ScriptParseException naming the line where an unterminated quote or comment starts, or
   *     where a client command or a misplaced {@code DELIMITER} is
   */
  public List<SqlStatement> parse(String script) {
    return new Pass(script).run();
  }

  /**
   * The ASCII characters that need no decision inside a statement: everything but line breaks,
   * quotes, the backslash and the characters that may open or close a comment. (The delimiter's
   * first character is checked separately, since {@code DELIMITER} changes it.)
   */
  private static final boolean[] PLAIN = new boolean[128];

  static {
    Arrays.fill(PLAIN, true);
    for (char c : "\n\r'\"`\\#-/*".toCharArray()) {
      PLAIN[c] = false;
    }
  }

  /**
   * The state of one parse: each character is looked at a bounded number of times. The scanning
   * loops keep their position in a local variable and allocate nothing; each statement's text is
   * copied once.
   */
  private final class Pass {
    private final String script;
    private final int length;
    private final List<SqlStatement> statements = new ArrayList<>();
    private String delimiter = ";";

    /** The delimiter's first character: the main loop compares it before the whole delimiter. */
    private char delimiterStart = ';';

    private int pos;
    private int line = 1;
    private boolean atLineStart = true;

    /** Index of the current statement's first token, or -1 between statements. */
    private int statementStart = -1;

    private int statementLine;

    /** The line where the open executable comment starts, or 0 when none is open. */
    private int executableCommentLine;

    /**
     * Whether the current statement is a stored program or compound statement under the {@code ;}
     * delimiter ({@link StoredProgramHeader}); its words and parentheses are then read one by one.
     */
    private boolean compound;

    /** Open {@code BEGIN} and {@code CASE} blocks of a compound statement, outside parentheses. */
    private int blockDepth;

    private int parenDepth;

    Pass(String script) {
      this.script = script;
      this.length = script.length();
      if (length > 0 && script.charAt(0) == '\uFEFF') {
        pos = 1; // the client skips a UTF-8 byte-order mark
      }
    }

    List<SqlStatement> run() {
      while (pos < length) {
        if (atLineStart) {
          atLineStart = false;
          if (lineCommand() || pos == length) {
            continue; // lineCommand may move past blanks to the end
          }
        }
        if (statementStart >= 0 && !compound) {
          pos = skipPlain(pos);
          if (pos == length) {
            break;
          }
        }
        char c = script.charAt(pos);
        if (c == '\\') {
          backslash();
        } else if (c == delimiterStart && script.startsWith(delimiter, pos)) {
          if (compound && blockDepth > 0) {
            pos++; // a statement of the body: the server reads on to the END of its block
          } else {
            endStatement(pos);
            pos += delimiter.length();
          }
        } else if (c == '#' || (c == '-' && startsDashComment())) {
          skipLineComment();
        } else if (c == '/' && next() == '*') {
          int opener = executableCommentOpener();
          if (opener > 0) {
            startStatement();
            if (executableCommentLine == 0) {
              executableCommentLine = line;
            }
            pos += opener;
          } else {
            skipBlockComment();
          }
        } else if (c == '*' && next() == '/' && executableCommentLine != 0) {
          startStatement();
          executableCommentLine = 0;
          pos += 2;
        } else if (c == '\'' || c == '"' || c == '`') {
          startStatement();
          skipQuoted(c);
        } else if (c == '\n' || c == '\r') {
          advance();
          atLineStart = true;
        } else {
          if (!Character.isWhitespace(c)) {
            startStatement();
          }
          if (compound && isWordPart(c)) {
            word();
          } else {
            if (compound) {
              parenDepth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            pos++;
          }
        }
      }
      if (executableCommentLine != 0) {
        throw error(
            executableCommentLine,
            "unterminated executable comment (/*! or /*M!) starting here; close it with */");
      }
      endStatement(length);
      return Collections.unmodifiableList(statements);
    }

    /**
     * The index of the first character from {@code from} on that the main loop must decide on
     * inside a statement (or the end): the others only move past.
     */
    private int skipPlain(int from) {
      char delimiterStart = this.delimiterStart;
      int i = from;
      while (i < length) {
        char c = script.charAt(i);
        if ((c < 128 && !PLAIN[c]) || c == delimiterStart) {
          return i;
        }
        i++;
      }
      return i;
    }

    private void startStatement() {
      if (statementStart < 0) {
        statementStart = pos;
        statementLine = line;
        compound = delimiter.equals(";") && StoredProgramHeader.at(script, pos);
        blockDepth = 0;
        parenDepth = 0;
      }
    }

    /**
     * Moves past one word of a compound statement, counting its blocks as the server's parser does:
     * {@code BEGIN} and {@code CASE} open one, {@code END} closes one unless {@code IF}, {@code
     * LOOP}, {@code REPEAT}, {@code WHILE} or {@code FOR} follows it (those close control
     * statements, which hold their statements inside a block already), and {@code END CASE} closes
     * the {@code CASE}. Inside parentheses (a {@code CASE} expression in a select list) nothing
     * counts, and neither do words used as names ({@code t.end}, {@code begin,}).
     */
    private void word() {
      int start = pos;
      int end = wordEnd(start);
      pos = end;
      if (parenDepth != 0 || !Character.isLetter(script.charAt(start))) {
        return;
      }
      char before = previousNonBlank(start);
      if (before == '.' || before == ',' || before == '@') {
        return;
      }
      char after = nextNonBlank(end);
      if (isWord(start, end, "BEGIN")) {
        if (after != ',' && after != '.' && after != '=' && after != ')') {
          blockDepth++;
        }
      } else if (isWord(start, end, "CASE")) {
        blockDepth++;
      } else if (isWord(start, end, "END") && blockDepth > 0 && after != '.' && after != '=') {
        int next = skipWhitespace(end);
        int nextEnd = wordEnd(next);
        if (!(isWord(next, nextEnd, "IF")
            || isWord(next, nextEnd, "LOOP")
            || isWord(next, nextEnd, "REPEAT")
            || isWord(next, nextEnd, "WHILE")
            || isWord(next, nextEnd, "FOR"))) {
          blockDepth--;
          if (isWord(next, nextEnd, "CASE")) {
            skipTo(nextEnd);
          }
        }
      }
    }

    private boolean isWord(int start, int end, String keyword) {
      return end - start == keyword.length()
          && script.regionMatches(true, start, keyword, 0, end - start);
    }

    private int wordEnd(int from) {
      int i = from;
      while (i < length && isWordPart(script.charAt(i))) {
        i++;
      }
      return i;
    }

    private int skipWhitespace(int from) {
      int i = from;
      while (i < length && Character.isWhitespace(script.charAt(i))) {
        i++;
      }
      return i;
    }

    /** Moves to {@code to}, counting the line breaks on the way. */
    private void skipTo(int to) {
      while (pos < to) {
        advance();
      }
    }

    private char previousNonBlank(int before) {
      int i = before - 1;
      while (i >= 0 && Character.isWhitespace(script.charAt(i))) {
        i--;
      }
      return i < 0 ? '\0' : script.charAt(i);
    }

    private char nextNonBlank(int from) {
      int i = skipWhitespace(from);
      return i < length ? script.charAt(i) : '\0';
    }

    private void endStatement(int end) {
      if (statementStart < 0) {
        return;
      }
      // What String.strip() would leave: the statement starts at a token, so only its end moves.
      int last = end;
      while (last > statementStart && Character.isWhitespace(script.charAt(last - 1))) {
        last--;
      }
      int wordEnd = ClientCommands.wordEnd(script, statementStart, last);
      if (wordEnd >= 0) {
        if (ClientCommands.is(script, statementStart, wordEnd, "delimiter")) {
          throw error(
              statementLine,
              "DELIMITER must start a line of its own, after the previous statement's delimiter,"
                  + " with the new delimiter after it (DELIMITER $$): the mysql and mariadb clients"
                  + " disagree on what it means elsewhere");
        }
        String command = ClientCommands.command(script, statementStart, wordEnd);
        if (command != null) {
          throw ClientCommands.refuse(statementLine, command);
        }
      }
      statements.add(SqlStatement.of(script.substring(statementStart, last), statementLine));
      statementStart = -1;
    }

    /**
     * Handles a line whose first word is {@code DELIMITER}, a lone {@code USE} or a client command;
     * returns whether it consumed the line.
     */
    private boolean lineCommand() {
      int wordStart = skipBlanks(pos);
      if (delimiterStart != ' ' && delimiterStart != '\t') {
        pos = wordStart; // the main loop would only move past these blanks
      }
      int wordEnd = ClientCommands.wordEnd(script, wordStart, length);
      if (wordEnd < 0) {
        return false;
      }
      if (ClientCommands.is(script, wordStart, wordEnd, "delimiter")) {
        int argument = skipBlanks(wordEnd);
        boolean hasArgument = argument < length && !isLineBreak(script.charAt(argument));
        if (statementStart >= 0) {
          if (!hasArgument) {
            return false; // a name at the start of a line, which both clients leave alone
          }
          throw error(
              line,
              "DELIMITER inside the statement starting at line "
                  + statementLine
                  + ", which has"
                  + " no delimiter ("
                  + delimiter
                  + ") yet: the mysql client would run that"
                  + " statement first, the mariadb client would send this line to the server as"
                  + " part of it; end the statement with "
                  + delimiter
                  + " before DELIMITER");
        }
        if (!hasArgument) {
          throw error(line, "DELIMITER needs the new delimiter after it, e.g. DELIMITER $$");
        }
        delimiter = delimiterArgument(argument);
        delimiterStart = delimiter.charAt(0);
        pos = endOfLine(argument);
        return true;
      }
      if (statementStart >= 0) {
        return false;
      }
      if (ClientCommands.is(script, wordStart, wordEnd, "use")) {
        int end = endOfLine(wordEnd);
        if (containsDelimiter(wordEnd, end)) {
          return false; // an ordinary statement, ended by its delimiter
        }
        statements.add(SqlStatement.of(script.substring(wordStart, end).strip(), line));
        pos = end;
        return true;
      }
      String command = ClientCommands.command(script, wordStart, wordEnd);
      if (command != null) {
        throw ClientCommands.refuse(line, command);
      }
      return false;
    }

    /** The delimiter a {@code DELIMITER} line sets: its first word, or a quoted string. */
    private String delimiterArgument(int start) {
      char first = script.charAt(start);
      int end;
      String value;
      if (first == '\'' || first == '"' || first == '`') {
        end = start + 1;
        while (end < length && script.charAt(end) != first && !isLineBreak(script.charAt(end))) {
          end++;
        }
        if (end >= length || script.charAt(end) != first) {
          throw error(line, "unterminated quoted delimiter; close it with " + first);
        }
        value = script.substring(start + 1, end);
      } else {
        end = start;
        while (end < length && !Character.isWhitespace(script.charAt(end))) {
          end++;
        }
        value = script.substring(start, end);
      }
      if (value.isEmpty()) {
        throw error(line, "DELIMITER needs the new delimiter after it, e.g. DELIMITER $$");
      }
      if (value.indexOf('\\') >= 0) {
        throw error(line, "a delimiter cannot contain a backslash (the clients refuse it)");
      }
      return value;
    }

    private void backslash() {
      char command = next();
      if (command == 'N') { // \N is NULL, not a command
        startStatement();
        pos += 2;
      } else if (command == '-') { // sandbox mode: Strata never runs client commands anyway
        pos += 2;
      } else {
        boolean none = command == '\0' || isLineBreak(command);
        throw ClientCommands.refuse(line, "\\" + (none ? "" : String.valueOf(command)));
      }
    }

    /** Whether the {@code --} at {@code pos} starts a comment. */
    private boolean startsDashComment() {
      if (next() != '-') {
        return false;
      }
      if (statementStart < 0 || pos + 2 >= length) {
        return true;
      }
      char after = script.charAt(pos + 2);
      return Character.isWhitespace(after) || Character.isISOControl(after);
    }

    /** The length of {@code /*!} or {@code /*M!} at {@code pos}, or 0 for an ordinary comment. */
    private int executableCommentOpener() {
      char third = charAt(pos + 2);
      if (third == '!') {
        return 3;
      }
      return mariaDb && third == 'M' && charAt(pos + 3) == '!' ? 4 : 0;
    }

    /** Skips {@code quote ... quote}, where a doubled quote stands for one. */
    private void skipQuoted(char quote) {
      boolean escapes = backslashEscapes && quote != '`' && !(quote == '"' && ansiQuotes);
      int i = pos + 1;
      int lines = line;
      while (i < length) {
        char c = script.charAt(i);
        if (c == quote) {
          if (i + 1 == length || script.charAt(i + 1) != quote) {
            pos = i + 1;
            line = lines;
            return;
          }
          i += 2;
        } else if (c == '\\' && escapes) {
          i++;
          if (i < length) {
            lines += lineBreakAt(i);
            i++;
          }
        } else {
          lines += lineBreakAt(i);
          i++;
        }
      }
      throw error(line, unterminatedQuote(quote));
    }

    private String unterminatedQuote(char quote) {
      if (quote == '`' || (quote == '"' && ansiQuotes)) {
        return "unterminated quoted identifier starting here; close it with "
            + quote
            + " (write a "
            + quote
            + " inside it as "
            + quote
            + quote
            + ")";
      }
      return "unterminated string literal starting here; close it with "
          + quote
          + " (write a "
          + quote
          + " inside it as "
          + quote
          + quote
          + (backslashEscapes ? " or \\" + quote : "")
          + ")";
    }

    /** Skips to the end of the line; the line break itself is left to the main loop. */
    private void skipLineComment() {
      pos = endOfLine(pos);
    }

    private void skipBlockComment() {
      int i = pos + 2;
      int lines = line;
      while (i < length) {
        if (script.charAt(i) == '*' && i + 1 < length && script.charAt(i + 1) == '/') {
          pos = i + 2;
          line = lines;
          return;
        }
        lines += lineBreakAt(i);
        i++;
      }
      throw error(
          line,
          "unterminated comment starting here; close it with */ (comments do not nest, so the"
              + " first */ ends it)");
    }

    /** Moves past one character, counting line breaks ({@code \n}, {@code \r\n} or {@code \r}). */
    private void advance() {
      line += lineBreakAt(pos);
      pos++;
    }

    /** 1 if a line ends at {@code at} ({@code \n}, or {@code \r} not before {@code \n}), else 0. */
    private int lineBreakAt(int at) {
      char c = script.charAt(at);
      if (c == '\n' || (c == '\r' && (at + 1 == length || script.charAt(at + 1) != '\n'))) {
        return 1;
      }
      return 0;
    }

    private boolean containsDelimiter(int from, int to) {
      for (int i = from; i < to; i++) {
        if (script.startsWith(delimiter, i)) {
          return true;
        }
      }
      return false;
    }

    private int skipBlanks(int from) {
      int i = from;
      while (i < length && (script.charAt(i) == ' ' || script.charAt(i) == '\t')) {
        i++;
      }
      return i;
    }

    private int endOfLine(int from) {
      int i = from;
      while (i < length && !isLineBreak(script.charAt(i))) {
        i++;
      }
      return i;
    }

    private char next() {
      return charAt(pos + 1);
    }

    private char charAt(int index) {
      return index < length ? script.charAt(index) : '\0';
    }
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  static ScriptParseException error(int line, String reason) {
    return new ScriptParseException("<script>", line, reason);
  }
}
