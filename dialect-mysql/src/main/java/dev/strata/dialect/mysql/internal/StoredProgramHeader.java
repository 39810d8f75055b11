package dev.strata.dialect.mysql.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a statement is one the server parses as a compound statement, whose body may hold {@code
 * ;}-terminated statements between {@code BEGIN} and {@code END}: {@code CREATE [OR REPLACE]
 * [DEFINER = ...] [AGGREGATE] PROCEDURE | FUNCTION | TRIGGER | EVENT}, or MariaDB's {@code BEGIN
 * NOT ATOMIC}. Executable-comment markers ({@code /*!50003}, {@code *}{@code /}) and ordinary
 * comments in the statement's head are read past, as mysqldump writes triggers inside them.
 * Stateless.
 */
final class StoredProgramHeader {
  /** How much of a statement's start is read: enough for a long DEFINER clause. */
  private static final int HEAD = 400;

  private static final Pattern STORED_PROGRAM =
      Pattern.compile(
          "^\\s*(?:CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?(?:AGGREGATE\\s+)?"
              + "(?:PROCEDURE|FUNCTION|TRIGGER|EVENT)|BEGIN\\s+NOT\\s+ATOMIC)\\b");

  private StoredProgramHeader() {}

  /** Whether the statement whose first token is at {@code start} of {@code script} is one. */
  static boolean at(String script, int start) {
    char first = Character.toUpperCase(script.charAt(start));
    if (first != 'C' && first != 'B' && first != '/') {
      return false; // the common case, decided without copying anything
    }
    return STORED_PROGRAM.matcher(head(script, start).toUpperCase(Locale.ROOT)).find();
  }

  /** The statement's first characters with comments and executable-comment markers as spaces. */
  private static String head(String script, int start) {
    int end = Math.min(script.length(), start + HEAD);
    StringBuilder head = new StringBuilder(end - start);
    int i = start;
    while (i < end) {
      char c = script.charAt(i);
      if (c == '/' && i + 1 < end && script.charAt(i + 1) == '*') {
        int marker = i + 2;
        if (marker < end && (script.charAt(marker) == '!' || script.charAt(marker) == 'M')) {
          // /*!50003 or /*M!100100: the content is statement text, the marker is not
          int j = marker + (script.charAt(marker) == 'M' ? 2 : 1);
          while (j < end && Character.isDigit(script.charAt(j))) {
            j++;
          }
          i = j;
        } else {
          int close = script.indexOf("*/", marker);
          i = close < 0 ? end : close + 2;
        }
        head.append(' ');
      } else if (c == '*' && i + 1 < end && script.charAt(i + 1) == '/') {
        head.append(' ');
        i += 2;
      } else {
        head.append(c);
        i++;
      }
    }
    return head.toString();
  }
}
