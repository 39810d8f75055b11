package dev.strata.source.tools.internal.goose;

import dev.strata.api.SqlStatement;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns the lines goose collected for one statement into a {@link SqlStatement}. */
final class StatementText {
  private StatementText() {}

  /**
   * The statement of {@code lines} (the first on line {@code firstLine} of the file), or {@code
   * null} when they hold nothing but blank and {@code --} comment lines. Leading and trailing such
   * lines are left out (the database ignores them; MySQL answers an empty query with an error), a
   * {@code --} comment after the final {@code ;} of the last line too, then that {@code ;}:
   * Strata's statements carry no terminator.
   */
  static @Nullable SqlStatement of(List<String> lines, int firstLine) {
    int start = 0;
    int end = lines.size();
    while (start < end && isBlankOrComment(lines.get(start))) {
      start++;
    }
    while (end > start && isBlankOrComment(lines.get(end - 1))) {
      end--;
    }
    if (start == end) {
      return null;
    }
    StringBuilder sql = new StringBuilder();
    for (int i = start; i < end; i++) {
      String line = i == end - 1 ? withoutTrailingComment(lines.get(i)) : lines.get(i);
      sql.append(line);
      if (i < end - 1) {
        sql.append('\n');
      }
    }
    String text = sql.toString().strip();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).stripTrailing();
    }
    if (text.isEmpty()) {
      return null;
    }
    return SqlStatement.of(text, firstLine + start);
  }

  static boolean isBlankOrComment(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("--");
  }

  /**
   * goose's {@code endsWithSemicolon}: the last whitespace-separated word before the first word
   * starting with {@code --} ends with {@code ;}.
   */
  static boolean endsWithSemicolon(String line) {
    return lastWordEnd(line) >= 0 && line.charAt(lastWordEnd(line) - 1) == ';';
  }

  /** The end of the last word before a {@code --} word, or -1 when there is none. */
  private static int lastWordEnd(String line) {
    int i = 0;
    int end = -1;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int wordStart = i;
      while (i < n && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (line.startsWith("--", wordStart)) {
        break;
      }
      end = i;
    }
    return end;
  }

  /** {@code line} cut after its final {@code ;} word when a {@code --} comment follows it. */
  private static String withoutTrailingComment(String line) {
    int end = lastWordEnd(line);
    return end > 0 && line.charAt(end - 1) == ';' ? line.substring(0, end) : line;
  }
}
