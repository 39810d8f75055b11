package dev.strata.source.drizzle.internal;

import dev.strata.api.SqlStatement;
import dev.strata.spi.ScriptSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script where drizzle-orm's migrator does: at every occurrence of {@code -->
 * statement-breakpoint}, wherever it stands (drizzle-kit writes it right after the statement's
 * {@code ;} on the same line, older versions on a line of its own), even inside a quoted string, as
 * drizzle's plain {@code String.split} does.
 *
 * <p>Unlike drizzle, chunks holding nothing but whitespace and comments are left out: MySQL and
 * MariaDB answer such a query with "Query was empty". Each statement keeps its text as written
 * (line endings normalised to {@code \n}, surrounding blank space and one final {@code ;} removed)
 * and starts on the first non-blank line of its chunk.
 *
 * <p>Stateless and thread-safe.
 */
public final class BreakpointSplitter implements ScriptSplitter {
  /** drizzle-kit's statement separator. */
  public static final String MARKER = "--> statement-breakpoint";

  /** The one instance. */
  public static final BreakpointSplitter INSTANCE = new BreakpointSplitter();

  private BreakpointSplitter() {}

  @Override
  public List<SqlStatement> split(String script) {
    List<SqlStatement> statements = new ArrayList<>();
    int from = 0;
    int line = 1;
    while (true) {
      int marker = script.indexOf(MARKER, from);
      int end = marker < 0 ? script.length() : marker;
      addChunk(statements, script, from, end, line);
      if (marker < 0) {
        return statements;
      }
      line += newlines(script, from, marker);
      from = marker + MARKER.length();
    }
  }

  private static void addChunk(
      List<SqlStatement> statements, String script, int from, int end, int line) {
    int start = from;
    while (start < end && Character.isWhitespace(script.charAt(start))) {
      start++;
    }
    int stop = end;
    while (stop > start && Character.isWhitespace(script.charAt(stop - 1))) {
      stop--;
    }
    if (start == stop || isOnlyComments(script, start, stop)) {
      return;
    }
    if (script.charAt(stop - 1) == ';') {
      stop--;
      while (stop > start && Character.isWhitespace(script.charAt(stop - 1))) {
        stop--;
      }
      if (start == stop) {
        return;
      }
    }
    String sql = script.substring(start, stop).replace("\r\n", "\n");
    statements.add(SqlStatement.of(sql, line + newlines(script, from, start)));
  }

  /**
   * Whether {@code script[start, stop)} holds only {@code --} line comments, block comments and
   * blank space. MySQL's executable comments ({@code /*! ... *}{@code /}) and optimizer hints
   * ({@code /*+ ... *}{@code /}) count as content; an unterminated block comment counts as content
   * too, so that the database reports it.
   */
  static boolean isOnlyComments(String script, int start, int stop) {
    int i = start;
    while (i < stop) {
      char c = script.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (script.startsWith("--", i)) {
        int eol = script.indexOf('\n', i);
        i = eol < 0 || eol >= stop ? stop : eol + 1;
      } else if (script.startsWith("/*", i)
          && i + 2 < stop
          && script.charAt(i + 2) != '!'
          && script.charAt(i + 2) != '+') {
        int close = script.indexOf("*/", i + 2);
        if (close < 0 || close + 2 > stop) {
          return false;
        }
        i = close + 2;
      } else {
        return false;
      }
    }
    return true;
  }

  private static int newlines(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
