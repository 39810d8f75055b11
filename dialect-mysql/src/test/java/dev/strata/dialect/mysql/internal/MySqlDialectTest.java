package dev.strata.dialect.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.DatabaseProduct;
import org.junit.jupiter.api.Test;

/** What the dialect decides without a database; {@code MySqlDialectIT} covers the rest. */
class MySqlDialectTest {
  private final MySqlDialect dialect = new MySqlDialect(true, MySqlScriptParser.mariaDb());

  @Test
  void describesMySql() {
    assertThat(dialect.name()).isEqualTo("mysql");
    assertThat(dialect.fileTags()).containsExactlyInAnyOrder("mysql", "mariadb");
    assertThat(dialect.supportsTransactionalDdl()).isFalse();
  }

  @Test
  void quotesIdentifiersWithBackticksDoublingEmbeddedOnes() {
    assertThat(dialect.quote("strata_schema_history")).isEqualTo("`strata_schema_history`");
    assertThat(dialect.quote("a`b")).isEqualTo("`a``b`");
    assertThat(dialect.quote("?")).isEqualTo("`?`");
    assertThatThrownBy(() -> dialect.quote("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createsTheHistoryTableWithMySqlTypesInUtf8mb4() {
    assertThat(dialect.createHistoryTable("`db`.`strata_schema_history`"))
        .containsExactly(
            "CREATE TABLE IF NOT EXISTS `db`.`strata_schema_history` (\n"
                + "  `installed_rank` INT PRIMARY KEY,\n"
                + "  `version` VARCHAR(50) NULL,\n"
                + "  `description` VARCHAR(200) NOT NULL,\n"
                + "  `action` VARCHAR(20) NOT NULL,\n"
                + "  `script` VARCHAR(1000) NOT NULL,\n"
                + "  `checksum` VARCHAR(64) NULL,\n"
                + "  `success` BOOLEAN NOT NULL,\n"
                + "  `statements_applied` INT NOT NULL,\n"
                + "  `installed_by` VARCHAR(100) NOT NULL,\n"
                + "  `installed_at` TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n"
                + "  `duration_ms` BIGINT NOT NULL,\n"
                + "  `engine_version` VARCHAR(20) NOT NULL,\n"
                + "  `session_info` VARCHAR(500) NULL,\n"
                + "  `run_id` VARCHAR(36),\n"
                + "  `release_label` VARCHAR(100)\n"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
  }

  @Test
  void tellsMariaDbFromItsProductNameOrVersion() {
    assertThat(MySqlDialect.isMariaDb(product("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1")))
        .isTrue();
    assertThat(MySqlDialect.isMariaDb(product("MariaDB", "10.11.19"))).isTrue();
    assertThat(MySqlDialect.isMariaDb(product("MySQL", "8.4.3"))).isFalse();
  }

  @Test
  void usesTheLockNameAsTheKeyUpToSixtyFourCharacters() {
    String name = "strata:" + "s".repeat(35) + ".strata_schema_history"; // 64 characters

    assertThat(UserLevelLock.keyFor(name)).isEqualTo(name);
    assertThat(UserLevelLock.keyFor("strata:db.history")).isEqualTo("strata:db.history");
  }

  @Test
  void shortensLongerNamesToAReadablePrefixAndAHash() {
    String name = "strata:" + "a_very_long_schema_name_".repeat(3) + ".strata_schema_history";
    String other = "strata:" + "a_very_long_schema_name_".repeat(3) + ".strata_schema_historz";

    String key = UserLevelLock.keyFor(name);

    assertThat(key).hasSize(64);
    assertThat(key).startsWith(name.substring(0, 47) + "~");
    assertThat(key.substring(48)).matches("[0-9a-f]{16}");
    assertThat(UserLevelLock.keyFor(name)).isEqualTo(key);
    assertThat(UserLevelLock.keyFor(other)).hasSize(64).isNotEqualTo(key);
  }

  @Test
  void countsCharactersNotUtf16UnitsWhenShortening() {
    String name = "strata:" + "\uD83D\uDE00".repeat(60) + ".t"; // 69 code points, 129 chars

    String key = UserLevelLock.keyFor(name);

    assertThat(key.codePointCount(0, key.length())).isEqualTo(64);
    assertThat(key).startsWith("strata:" + "\uD83D\uDE00".repeat(40) + "~");
    assertThatThrownBy(() -> UserLevelLock.keyFor("")).isInstanceOf(IllegalArgumentException.class);
  }

  private static DatabaseProduct product(String name, String version) {
    return new DatabaseProduct(name, version, 0, 0, "jdbc:mysql://localhost/test");
  }
}
