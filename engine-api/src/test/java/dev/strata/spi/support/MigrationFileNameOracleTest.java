package dev.strata.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@link MigrationFileName#parse} against the regular expressions it replaced,
 * which state the conventions most plainly, over names built at random from the pieces that decide
 * them.
 */
class MigrationFileNameOracleTest {
  private static final Pattern FLYWAY =
      Pattern.compile("([VU])([0-9]+(?:[._][0-9]+)*)__(.*)\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

  /**
   * golang-migrate's {@code ^([0-9]+)_(.*)\.(down|up)\.(.*)$} (the title anything but a line
   * break), with popx's {@code (\.[a-z0-9]+)?(|\.autocommit)} before the direction, the tag only
   * one pop knows (or Strata's h2, mariadb).
   */
  private static final Pattern UP_DOWN =
      Pattern.compile(
          "([0-9]+)_(.*?)(?:\\.("
              + String.join("|", MigrationFileName.DIALECT_TAGS)
              + "))?(\\.autocommit)?\\.(up|down)\\.sql");

  private static final List<String> PIECES =
      List.of(
          "V",
          "U",
          "R",
          "1",
          "20",
          "007",
          "_",
          "__",
          ".",
          ".sql",
          "sql",
          ".up",
          ".down",
          "up",
          "pg",
          ".pg",
          ".postgres",
          "mysql8",
          ".mysql8",
          ".1.7.0",
          "autocommit",
          ".autocommit",
          "a",
          "Name",
          "-",
          " ",
          "\n",
          "\r",
          "\u2028",
          "é",
          "V1__",
          "1_x",
          ".up.sql",
          ".down.sql");

  private static final List<String> STARTS =
      List.of("V1", "U2", "V1.2", "V3_4", "R__", "V1__", "1_", "20210410175418000000_", "1");
  private static final List<String> ENDS =
      List.of(".sql", "__x.sql", ".up.sql", ".down.sql", ".pg.up.sql", ".autocommit.down.sql");

  private static String pick(List<String> pieces, Random random) {
    return pieces.get(random.nextInt(pieces.size()));
  }

  @Test
  void agreesWithTheRegularExpressionsOnRandomNames() {
    Random random = new Random(20261123);
    int recognized = 0;
    for (int i = 0; i < 200_000; i++) {
      // Mostly a convention's start and end around random pieces, so that many names follow one.
      StringBuilder name = new StringBuilder(random.nextInt(4) == 0 ? "" : pick(STARTS, random));
      int pieces = random.nextInt(6);
      for (int p = 0; p < pieces; p++) {
        name.append(pick(PIECES, random));
      }
      name.append(random.nextInt(4) == 0 ? "" : pick(ENDS, random));
      String n = name.toString();
      MigrationFileName.Parsed expected = oracle(n);
      assertThat(MigrationFileName.parse(n)).as("parse(%s)", n).isEqualTo(expected);
      recognized += expected == null ? 0 : 1;
    }
    assertThat(recognized).as("names that follow a convention").isGreaterThan(20_000);
  }

  @Test
  void agreesOnTheNamesOfEveryConvention() {
    for (String n :
        List.of(
            "V1__init.sql",
            "V1.2_3__a_b.sql",
            "V1__.sql",
            "V1___x.sql",
            "U7__undo.sql",
            "R__views.sql",
            "R__.sql",
            "1_init.up.sql",
            "1_init.down.sql",
            "20210410175418000000_name.mysql.autocommit.up.sql",
            "1_x.autocommit.up.sql",
            "1_x.autocommit.autocommit.down.sql",
            "1_x.autocommit.pg.up.sql",
            "1_x..up.sql",
            "1_.up.sql",
            "_x.up.sql",
            "1_x.pg..up.sql",
            "1_x.down.up.sql",
            "2_1.7.0_schema.up.sql",
            "3_v2.0.1.postgres.up.sql",
            "3_v2.0.1.mysql8.up.sql",
            "1_.postgres.autocommit.up.sql",
            "1_a.pg.b.pg.up.sql")) {
      assertThat(MigrationFileName.parse(n)).as("parse(%s)", n).isEqualTo(oracle(n));
    }
  }

  private static MigrationFileName.@Nullable Parsed oracle(String fileName) {
    Matcher flyway = FLYWAY.matcher(fileName);
    if (flyway.matches()) {
      return new MigrationFileName.Parsed(
          new MigrationId(MigrationVersion.parse(flyway.group(2)), describe(flyway.group(3))),
          flyway.group(1).equals("V") ? Direction.UP : Direction.DOWN,
          null,
          false);
    }
    Matcher repeatable = REPEATABLE.matcher(fileName);
    if (repeatable.matches()) {
      return new MigrationFileName.Parsed(
          new MigrationId(null, describe(repeatable.group(1))), Direction.UP, null, false);
    }
    Matcher upDown = UP_DOWN.matcher(fileName);
    if (upDown.matches()) {
      String tag = upDown.group(3);
      return new MigrationFileName.Parsed(
          new MigrationId(MigrationVersion.parse(upDown.group(1)), describe(upDown.group(2))),
          upDown.group(5).equals("up") ? Direction.UP : Direction.DOWN,
          tag,
          upDown.group(4) != null);
    }
    return null;
  }

  private static String describe(String raw) {
    return raw.replace('_', ' ').strip();
  }
}
