package dev.strata.spi.support;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.spi.Dialect;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The migration file-name conventions every file-based source shares:
 *
 * <ul>
 *   <li>Flyway: {@code V1__init.sql} (up), {@code U1__init.sql} (down), {@code R__views.sql}
 *       (repeatable); versions such as {@code 1.2} or {@code 1_2};
 *   <li>golang-migrate: {@code 1_init.up.sql}, {@code 1_init.down.sql}; the title may hold dots
 *       ({@code 2_1.7.0_schema.up.sql});
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

  /**
   * The dialect tags a file name may carry ({@code 1_init.postgres.up.sql}): the dialects and
   * synonyms Ory's pop knows (postgres, postgresql, pg, pgx; cockroach, cockroachdb, crdb; mysql;
   * sqlite3, sqlite), plus Strata's own {@code h2} and {@code mariadb}. Any other segment before
   * the direction is part of the title, as golang-migrate reads it. A dialect's {@link
   * Dialect#fileTags()} must come from this set (the dialect TCK checks it).
   */
  public static final Set<String> DIALECT_TAGS =
      Set.of(
          "postgres",
          "postgresql",
          "pg",
          "pgx",
          "cockroach",
          "cockroachdb",
          "crdb",
          "mysql",
          "mariadb",
          "sqlite3",
          "sqlite",
          "h2");

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
   * {@code .autocommit} flag before the direction.
   *
   * <p>golang-migrate's rule is {@code ^([0-9]+)_(.*)\.(down|up)\.(.*)$}: the title is anything
   * (dots, a second {@code .up.}, nothing at all) but a line break, and the direction is the last
   * {@code .up.} or {@code .down.}. popx's is {@code
   * ^(\d+)_([^.]+)(\.[a-z0-9]+)?(|\.autocommit)\.(up|down)\.(sql|fizz)$} with the tag one of the
   * dialects pop knows. Both are read at once: the segment before the direction is a tag only when
   * it is in {@link #DIALECT_TAGS}, otherwise part of the title ({@code 2_1.7.0_schema.up.sql} is
   * version 2, "1.7.0 schema"). Versions are any run of digits: popx's 20-digit ones exceed
   * golang-migrate's uint64.
   */
  private static @Nullable Parsed upDown(String name) {
    Direction direction;
    int end;
    if (name.endsWith(UP)) {
      direction = Direction.UP;
      end = name.length() - UP.length();
    } else if (name.endsWith(DOWN)) {
      direction = Direction.DOWN;
      end = name.length() - DOWN.length();
    } else {
      return null;
    }
    int version = digits(name, 0);
    if (version == 0 || version >= end || name.charAt(version) != '_') {
      return null;
    }
    int description = version + 1;
    if (description > end || hasLineTerminator(name, description, end)) {
      return null;
    }
    boolean autocommit = false;
    if (endsWithSegment(name, description, end, AUTOCOMMIT)) {
      autocommit = true;
      end -= AUTOCOMMIT.length() + 1;
    }
    String tag = null;
    int dot = name.lastIndexOf('.', end - 1);
    if (dot >= description) {
      String segment = name.substring(dot + 1, end);
      if (DIALECT_TAGS.contains(segment)) {
        tag = segment;
        end = dot;
      }
    }
    return new Parsed(
        new MigrationId(
            MigrationVersion.parse(name.substring(0, version)),
            describe(name.substring(description, end))),
        direction,
        tag,
        autocommit);
  }

  /** Whether {@code s[from, to)} ends with {@code "." + segment}. */
  private static boolean endsWithSegment(String s, int from, int to, String segment) {
    int dot = to - segment.length() - 1;
    return dot >= from && s.charAt(dot) == '.' && s.startsWith(segment, dot + 1);
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
   * Why {@code fileName} follows no convention, with the nearest correct name where one is clear
   * ({@code V7_fix.sql} → {@code V7__fix.sql}); the text follows the file's name in a message.
   */
  public static String whyUnrecognized(String fileName) {
    Matcher oneUnderscore = Pattern.compile("([VUR])([0-9._]*)_([^_].*)\\.sql").matcher(fileName);
    if (oneUnderscore.matches()) {
      return "has one underscore between version and description, where Flyway needs two. Flyway"
          + " silently ignores such files, so this one has never run on any database Flyway"
          + " migrated. To run it, rename it to "
          + oneUnderscore.group(1)
          + oneUnderscore.group(2)
          + "__"
          + oneUnderscore.group(3)
          + ".sql";
    }
    if (fileName.endsWith(".sql")) {
      return "follows no naming convention; rename it to follow one";
    }
    return "is not a .sql migration";
  }

  /** The conventions, for messages: {@value}. */
  public static final String CONVENTIONS =
      "Flyway V1__name.sql, U1__name.sql, R__name.sql; golang-migrate 1_name.up.sql,"
          + " 1_name.down.sql; Ory popx 1_name[.dialect][.autocommit].up.sql";

  private static String describe(String raw) {
    return raw.replace('_', ' ').strip();
  }
}
