package dev.strata.dialect.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrateResult;
import dev.strata.api.SqlStatement;
import dev.strata.core.Strata;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySql8Test;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialect against MySQL 8 itself ({@code STRATA_TEST_MYSQL8_URL}, else a Testcontainers {@code
 * mysql:8.4} container; skipped with the reason, even under {@code CI=true}, when neither exists):
 * every check of {@link MySqlDialectContract} takes its MySQL branch ({@code max_execution_time},
 * whole-second lock waits, the 64-character lock name limit), plus what only MySQL does.
 */
@MySql8Test
class MySql8DialectIT extends MySqlDialectContract {
  @TempDir Path dir;

  @Test
  void isTheMySqlFlavourOfTheDialect(IsolatedDatabase db) throws SQLException {
    Connection c = connect(db);
    DatabaseProduct product = DatabaseProduct.of(c.getMetaData());

    assertThat(product.majorVersion()).isGreaterThanOrEqualTo(8);
    assertThat(MySqlDialect.isMariaDb(product)).isFalse();
    assertThat(isMariaDb(c)).isFalse();
  }

  @Test
  void sendsMariaDbExecutableCommentsToMySqlWhichIgnoresThem(IsolatedDatabase db)
      throws SQLException {
    Connection c = connect(db);
    Dialect dialect = dialect(c);
    SqlStatement statement = dialect.parse("SELECT 1 AS a /*M!100000 , 2 AS b */;").get(0);

    try (Statement s = c.createStatement()) {
      dialect.execute(s, statement);
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
      }
    }
  }

  @Test
  void refusesUserLockNamesLongerThan64CharactersWhichIsWhyKeysAreShortened(IsolatedDatabase db)
      throws SQLException {
    Connection c = connect(db);
    String longName = "strata:" + "x".repeat(80) + ".strata_schema_history";

    assertThatThrownBy(() -> single(c, "SELECT GET_LOCK('" + longName + "', 0)", 1))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Incorrect user-level lock name");
    assertThat(single(c, "SELECT GET_LOCK('" + UserLevelLock.keyFor(longName) + "', 0)", 1))
        .isEqualTo("1");
    assertThat(single(c, "SELECT RELEASE_LOCK('" + UserLevelLock.keyFor(longName) + "')", 1))
        .isEqualTo("1");
  }

  @Test
  void migratesSyntaxThatOnlyMySqlAccepts(IsolatedDatabase db) throws Exception {
    // The ->> operator is MySQL's; MariaDB stops on it (the corpus's .partial references).
    Files.writeString(
        dir.resolve("V1__json.sql"),
        "CREATE TABLE docs (id INT PRIMARY KEY, body JSON);\n"
            + "INSERT INTO docs VALUES (1, '{\"name\": \"strata\"}');\n"
            + "CREATE VIEW doc_names AS SELECT id, body->>'$.name' AS name FROM docs;\n",
        StandardCharsets.UTF_8);

    MigrateResult result =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("filesystem:" + dir)
            .load()
            .migrate();

    assertThat(result.applied()).hasSize(1);
    assertThat(single(connect(db), "SELECT name FROM doc_names", 1)).isEqualTo("strata");
  }
}
