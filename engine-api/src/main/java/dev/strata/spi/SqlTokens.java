package dev.strata.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of one SQL statement, for lint rules: keywords and unquoted identifiers upper-cased,
 * quoted identifiers ({@code "x"}, {@code `x`}) as written, string literals as {@code '…'},
 * comments dropped, punctuation one token per character. Not a parser: enough to recognise the
 * shape of DDL statements without regular expressions over raw text.
 */
public final class SqlTokens {
  private final List<String> tokens;

  private SqlTokens(List<String> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  public static SqlTokens of(String sql) {
    return new SqlTokens(tokenize(sql, Integer.MAX_VALUE));
  }

  /**
   * The statement's first token ({@code ""} when it has none), without reading past it: the
   * executor asks this of every statement it runs.
   */
  public static String firstWord(String sql) {
    List<String> first = tokenize(sql, 1);
    return first.isEmpty() ? "" : first.get(0);
  }

  private static List<String> tokenize(String sql, int max) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n && out.size() < max) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        StringBuilder text = new StringBuilder();
        while (j < n) {
          char d = sql.charAt(j);
          if (d == c && j + 1 < n && sql.charAt(j + 1) == c) {
            text.append(c);
            j += 2;
          } else if (d == c) {
            break;
          } else {
            text.append(d);
            j++;
          }
        }
        out.add(c == '\'' ? "'…'" : text.toString());
        i = Math.min(n, j + 1);
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        int j = i;
        while (j < n
            && (Character.isLetterOrDigit(sql.charAt(j))
                || sql.charAt(j) == '_'
                || sql.charAt(j) == '$')) {
          j++;
        }
        out.add(sql.substring(i, j).toUpperCase(Locale.ROOT));
        i = j;
      } else {
        out.add(String.valueOf(c));
        i++;
      }
    }
    return out;
  }

  public List<String> list() {
    return tokens;
  }

  public int size() {
    return tokens.size();
  }

  /** The token at {@code index}, or {@code ""} past the end. */
  public String get(int index) {
    return index < tokens.size() ? tokens.get(index) : "";
  }

  /** Whether the statement starts with these words (upper case). */
  public boolean startsWith(String... words) {
    return matchesAt(0, words);
  }

  /** Whether the tokens from {@code index} are these words. */
  public boolean matchesAt(int index, String... words) {
    for (int k = 0; k < words.length; k++) {
      if (!get(index + k).equals(words[k])) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first {@code word} at or after {@code from}, or -1. */
  public int indexOf(String word, int from) {
    for (int k = from; k < tokens.size(); k++) {
      if (tokens.get(k).equals(word)) {
        return k;
      }
    }
    return -1;
  }

  /** Whether {@code word} occurs anywhere. */
  public boolean contains(String word) {
    return indexOf(word, 0) >= 0;
  }

  /**
   * The table named after {@code ALTER TABLE}, {@code CREATE TABLE}, {@code DROP TABLE}, {@code ON}
   * ... starting at {@code index}: skips {@code IF [NOT] EXISTS} and {@code ONLY}, and drops a
   * schema qualifier. Lower-cased unless quoted.
   */
  public String tableAt(int index) {
    int k = index;
    while (get(k).equals("IF")
        || get(k).equals("NOT")
        || get(k).equals("EXISTS")
        || get(k).equals("ONLY")) {
      k++;
    }
    String name = get(k);
    while (get(k + 1).equals(".")) {
      k += 2;
      name = get(k);
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
