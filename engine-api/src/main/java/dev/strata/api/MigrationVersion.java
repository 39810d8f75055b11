package dev.strata.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The version of a migration: one or more numeric segments, compared numerically segment by
 * segment, never as strings ({@code 1.2 < 1.10}, {@code 9 < 10}).
 *
 * <p>Accepted forms: {@code 1}, {@code 1.2.10}, {@code 1_2} (Flyway's underscore separator),
 * timestamps of 14 to 20 digits ({@code 20210410175418000000}) and drizzle's zero-padded indexes
 * ({@code 0000}). Trailing zero segments do not count: {@code 1} and {@code 1.0} are the same
 * version. Leading zeros do not count either, but {@link #toString()} keeps the text as written
 * (with {@code _} shown as {@code .}) so that messages match file names.
 *
 * <p>Immutable and thread-safe.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {
  /** Digits that always fit a {@code long}: shorter segments skip {@link BigInteger}'s parser. */
  private static final int LONG_DIGITS = 18;

  private final String text;
  // An array, not a list: versions are compared and hashed thousands of times per start.
  private final BigInteger[] segments;
  private final int hash;

  private MigrationVersion(String text, BigInteger[] segments) {
    this.text = text;
    this.segments = segments;
    this.hash = Arrays.hashCode(segments);
  }

  /**
   * Parses a version.
   *
   * @throws IllegalArgumentException when {@code text} is not digits separated by {@code .} or
   *     {@code _}
   */
  public static MigrationVersion parse(String text) {
    // Hand-written rather than a regular expression: every file name and every history row is
    // parsed on each start, and this was a tenth of a no-op start with 1,000 migrations.
    if (!isVersion(text)) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a migration version: use digits separated by '.' or '_',"
              + " such as 1, 1.2.10 or 20210410175418");
    }
    String normalized = text.replace('_', '.');
    List<BigInteger> parts = new ArrayList<>(4);
    int start = 0;
    while (start <= normalized.length()) {
      int end = normalized.indexOf('.', start);
      if (end < 0) {
        end = normalized.length();
      }
      parts.add(segment(normalized, start, end));
      start = end + 1;
    }
    int end = parts.size();
    while (end > 1 && parts.get(end - 1).signum() == 0) {
      end--;
    }
    return new MigrationVersion(normalized, parts.subList(0, end).toArray(new BigInteger[0]));
  }

  private static BigInteger segment(String text, int start, int end) {
    if (end - start > LONG_DIGITS) {
      return new BigInteger(text.substring(start, end));
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return BigInteger.valueOf(value);
  }

  /** Whether {@code text} is a version {@link #parse} accepts: digits separated by '.' or '_'. */
  public static boolean isVersion(String text) {
    boolean digitBefore = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digitBefore = true;
      } else if ((ch == '.' || ch == '_') && digitBefore) {
        digitBefore = false;
      } else {
        return false;
      }
    }
    return digitBefore;
  }

  /** The numeric segments, trailing zeros removed. */
  public List<BigInteger> segments() {
    return List.of(segments);
  }

  @Override
  public int compareTo(MigrationVersion other) {
    int common = Math.min(segments.length, other.segments.length);
    for (int i = 0; i < common; i++) {
      int c = segments[i].compareTo(other.segments[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(segments.length, other.segments.length);
  }

  /** Whether this version is newer than {@code other}. */
  public boolean isNewerThan(MigrationVersion other) {
    return compareTo(other) > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MigrationVersion v && Arrays.equals(segments, v.segments);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The version as written, with {@code _} separators shown as {@code .}. */
  @Override
  public String toString() {
    return text;
  }
}
