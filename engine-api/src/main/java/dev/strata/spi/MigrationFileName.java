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
  private static final Pattern FLYWAY =
      Pattern.compile("([VU])([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
  private static final Pattern UP_DOWN =
      Pattern.compile("([0-9]+)_([^.]+)(?:\\.([a-z0-9]+))?(\\.autocommit)?\\.(up|down)\\.sql");

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
    Matcher flyway = FLYWAY.matcher(fileName);
    if (flyway.matches()) {
      return new Parsed(
          new MigrationId(MigrationVersion.parse(flyway.group(2)), describe(flyway.group(3))),
          flyway.group(1).equals("V") ? Direction.UP : Direction.DOWN,
          null,
          false);
    }
    Matcher repeatable = REPEATABLE.matcher(fileName);
    if (repeatable.matches()) {
      return new Parsed(
          new MigrationId(null, describe(repeatable.group(1))), Direction.UP, null, false);
    }
    Matcher upDown = UP_DOWN.matcher(fileName);
    if (upDown.matches()) {
      String tag = upDown.group(3);
      boolean autocommit = upDown.group(4) != null || "autocommit".equals(tag);
      return new Parsed(
          new MigrationId(MigrationVersion.parse(upDown.group(1)), describe(upDown.group(2))),
          upDown.group(5).equals("up") ? Direction.UP : Direction.DOWN,
          "autocommit".equals(tag) ? null : tag,
          autocommit);
    }
    return null;
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
