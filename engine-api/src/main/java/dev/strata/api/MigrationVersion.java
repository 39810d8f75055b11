package dev.strata.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

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
  private static final Pattern FORM = Pattern.compile("[0-9]+([._][0-9]+)*");

  private final String text;
  private final List<BigInteger> segments;

  private MigrationVersion(String text, List<BigInteger> segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses a version.
   *
   * @throws IllegalArgumentException when {@code text} is not digits separated by {@code .} or
   *     {@code _}
   */
  public static MigrationVersion parse(String text) {
    if (!FORM.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a migration version: use digits separated by '.' or '_',"
              + " such as 1, 1.2.10 or 20210410175418");
    }
    String normalized = text.replace('_', '.');
    List<BigInteger> parts = new ArrayList<>();
    for (String part : normalized.split("\\.")) {
      parts.add(new BigInteger(part));
    }
    int end = parts.size();
    while (end > 1 && parts.get(end - 1).signum() == 0) {
      end--;
    }
    return new MigrationVersion(normalized, Collections.unmodifiableList(parts.subList(0, end)));
  }

  /** Whether {@code text} is a version {@link #parse} accepts. */
  public static boolean isVersion(String text) {
    return FORM.matcher(text).matches();
  }

  /** The numeric segments, trailing zeros removed. */
  public List<BigInteger> segments() {
    return segments;
  }

  @Override
  public int compareTo(MigrationVersion other) {
    int common = Math.min(segments.size(), other.segments.size());
    for (int i = 0; i < common; i++) {
      int c = segments.get(i).compareTo(other.segments.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(segments.size(), other.segments.size());
  }

  /** Whether this version is newer than {@code other}. */
  public boolean isNewerThan(MigrationVersion other) {
    return compareTo(other) > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MigrationVersion v && segments.equals(v.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** The version as written, with {@code _} separators shown as {@code .}. */
  @Override
  public String toString() {
    return text;
  }
}
