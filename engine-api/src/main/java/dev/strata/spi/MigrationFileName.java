package dev.strata.spi;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The migration file-name conventions every file-based source shares:
 *
 * <ul>
 *   <li>Flyway: {@code V1__init.sql} (up), {@code U1__init.sql} (down), {@code R__views.sql}
 *       (repeatable); versions such as {@code 1.2} or {@code 1_2};
 *   <li>golang-migrate: {@code 1_init.up.sql}, {@code 1_init.down.sql};
 *   <li>Ory popx: {@code 20210410175418000000_name[.dialect][.autocommit].up.sql}, where the
 *       variant tagged for the connected dialect beats the untagged file and {@code .autocommit}
 *       runs the file outside a transaction.
 * </ul>
 *
 * <p>Underscores in descriptions read as spaces.
 */
public final class MigrationFileName {
  private static final String SQL = ".sql";
  private static final String UP = ".up.sql";
  private static final String DOWN = ".down.sql";
  private static final String AUTOCOMMIT = "autocommit";

  /** What a file name says about its migration; {@code null} fields where it says nothing. */
  public record Parsed(
      MigrationId id, Direction direction, @Nullable String dialectTag, boolean autocommit) {}

  private MigrationFileName() {}

  /**
   * Parses a file name (without directories).
   *
   * @return what the name says, or {@code null} when it follows no convention; {@link
   *     #whyUnrecognized} then explains
   */
  public static @Nullable Parsed parse(String fileName) {
    // Hand-written rather than regular expressions: every file of every location is named on each
    // start, and three matchers per name were a tenth of a no-op start with 1,000 migrations.
    Parsed parsed = flyway(fileName);
    if (parsed == null) {
      parsed = repeatable(fileName);
    }
    return parsed != null ? parsed : upDown(fileName);
  }

  /** {@code V1__name.sql}, {@code U1_2__name.sql}: digits separated by single '.' or '_'. */
  private static @Nullable Parsed flyway(String name) {
    if (name.isEmpty() || (name.charAt(0) != 'V' && name.charAt(0) != 'U')) {
      return null;
    }
    int end = digits(name, 1);
    if (end == 1) {
      return null;
    }
    while (end + 1 < name.length()
        && (name.charAt(end) == '.' || name.charAt(end) == '_')
        && isDigit(name.charAt(end + 1))) {
      end = digits(name, end + 1);
    }
    int description = end + 2;
    if (!name.startsWith("__", end)
        || !name.endsWith(SQL)
        || description > name.length() - SQL.length()
        || hasLineTerminator(name, description, name.length() - SQL.length())) {
      return null;
    }
    return new Parsed(
        new MigrationId(
            MigrationVersion.parse(name.substring(1, end)),
            describe(name.substring(description, name.length() - SQL.length()))),
        name.charAt(0) == 'V' ? Direction.UP : Direction.DOWN,
        null,
        false);
  }

  /** {@code R__name.sql}. */
  private static @Nullable Parsed repeatable(String name) {
    int description = "R__".length();
    if (!name.startsWith("R__")
        || !name.endsWith(SQL)
        || description >= name.length() - SQL.length()
        || hasLineTerminator(name, description, name.length() - SQL.length())) {
      return null;
    }
    return new Parsed(
        new MigrationId(null, describe(name.substring(description, name.length() - SQL.length()))),
        Direction.UP,
        null,
        false);
  }

  /**
   * {@code 1_name.up.sql}, {@code 1_name.down.sql}, with Ory's optional {@code .dialect} tag and
   * {@code .autocommit} flag before the direction; the name runs to the first '.'.
   */
  private static @Nullable Parsed upDown(String name) {
    Direction direction;
    int suffix;
    if (name.endsWith(UP)) {
      direction = Direction.UP;
      suffix = name.length() - UP.length();
    } else if (name.endsWith(DOWN)) {
      direction = Direction.DOWN;
      suffix = name.length() - DOWN.length();
    } else {
      return null;
    }
    int version = digits(name, 0);
    if (version == 0 || version >= suffix || name.charAt(version) != '_') {
      return null;
    }
    int description = version + 1;
    int dot = name.indexOf('.', description);
    if (dot == description || dot > suffix) {
      return null;
    }
    // Between the name and the direction: nothing, ".tag", ".autocommit" or ".tag.autocommit".
    String tag = null;
    boolean autocommit = false;
    if (dot < suffix) {
      int second = name.indexOf('.', dot + 1);
      if (second > suffix) {
        second = suffix;
      }
      if (!isTag(name, dot + 1, second)) {
        return null;
      }
      tag = name.substring(dot + 1, second);
      if (second < suffix) {
        if (!name.startsWith("." + AUTOCOMMIT, second)
            || second + 1 + AUTOCOMMIT.length() != suffix) {
          return null;
        }
        autocommit = true;
      }
      if (tag.equals(AUTOCOMMIT)) {
        autocommit = true;
        tag = null;
      }
    }
    return new Parsed(
        new MigrationId(
            MigrationVersion.parse(name.substring(0, version)),
            describe(name.substring(description, dot))),
        direction,
        tag,
        autocommit);
  }

  /** The end of the run of ASCII digits that starts at {@code from}. */
  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether {@code s[from, to)} is a dialect tag: one or more of a-z and 0-9. */
  private static boolean isTag(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c) && (c < 'a' || c > 'z')) {
        return false;
      }
    }
    return true;
  }

  /** A line break, which no description may hold (it would break every message naming it). */
  private static boolean hasLineTerminator(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /**
   * Why {@code fileName} follows no convention, with the nearest correct name where one is clear.
   */
  public static String whyUnrecognized(String fileName) {
    Matcher oneUnderscore = Pattern.compile("([VUR])([0-9._]*)_([^_].*)\\.sql").matcher(fileName);
    if (oneUnderscore.matches()) {
      return "follows no migration naming convention (Flyway-style names separate version and"
          + " description with two underscores: "
          + oneUnderscore.group(1)
          + oneUnderscore.group(2)
          + "__"
          + oneUnderscore.group(3)
          + ".sql)";
    }
    if (fileName.endsWith(".sql")) {
      return "follows no migration naming convention (expected V1__name.sql, U1__name.sql,"
          + " R__name.sql, 1_name.up.sql or 1_name.down.sql)";
    }
    return "is not a .sql migration";
  }

  private static String describe(String raw) {
    return raw.replace('_', ' ').strip();
  }
}
