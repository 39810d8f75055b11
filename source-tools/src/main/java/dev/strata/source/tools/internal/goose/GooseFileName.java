package dev.strata.source.tools.internal.goose;

import org.jspecify.annotations.Nullable;

/**
 * goose's {@code NumericComponent}: the version of {@code <version>_<name>.sql} is the text before
 * the first {@code _}, parsed as Go's {@code strconv.ParseInt(s, 10, 64)} parses it (an optional
 * sign, decimal digits, at most 2^63-1), and must be greater than zero. Timestamps ({@code
 * 20230102150405_x.sql}) and sequential numbers ({@code 00001_x.sql}) are both just numbers, so
 * they mix and order numerically.
 *
 * @param version the version's digits as written, without a sign
 * @param description the rest of the name, {@code _} shown as a space
 */
record GooseFileName(String version, String description) {
  /** The parsed name, or {@code null} with {@link #whyNot} explaining. */
  static @Nullable GooseFileName parse(String name) {
    return whyNot(name) == null ? build(name) : null;
  }

  /** Why goose refuses {@code name} (a {@code .sql} or {@code .go} file), or {@code null}. */
  static @Nullable String whyNot(String name) {
    int underscore = name.indexOf('_');
    if (underscore < 0) {
      return "has no '_' after its version (goose names migrations <version>_<name>.sql)";
    }
    String digits = name.substring(0, underscore);
    String unsigned =
        digits.startsWith("+") || digits.startsWith("-") ? digits.substring(1) : digits;
    if (unsigned.isEmpty() || !unsigned.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "does not start with a number before its first '_' (goose names migrations"
          + " <version>_<name>.sql)";
    }
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return "has a version larger than goose's limit of 9223372036854775807";
    }
    if (value < 1) {
      return "has version " + digits + "; goose requires a version greater than zero";
    }
    return null;
  }

  private static GooseFileName build(String name) {
    int underscore = name.indexOf('_');
    String digits = name.substring(0, underscore);
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    int dot = name.lastIndexOf('.');
    String rest = name.substring(underscore + 1, dot > underscore ? dot : name.length());
    return new GooseFileName(digits, rest.replace('_', ' ').strip());
  }
}
