package dev.strata.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.SqlStatement;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MySqlDialectProviderTest {
  private static final DatabaseProduct MARIADB_VIA_CONNECTOR_J =
      new DatabaseProduct(
          "MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1", 5, 5, "jdbc:mysql://127.0.0.1:3306/test");
  private static final DatabaseProduct MYSQL =
      new DatabaseProduct("MySQL", "8.4.3", 8, 4, "jdbc:mysql://127.0.0.1:3306/test");

  @Test
  void isFoundByServiceLoaderUnderItsName() {
    DialectProvider provider =
        ServiceLoader.load(DialectProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("mysql"))
            .findFirst()
            .orElseThrow();

    assertThat(provider).isEqualTo(new MySqlDialectProvider());
  }

  @Test
  void supportsMySqlAndMariaDbByProductNameOnly() {
    MySqlDialectProvider provider = new MySqlDialectProvider();

    assertThat(provider.supports(MYSQL)).isTrue();
    assertThat(provider.supports(MARIADB_VIA_CONNECTOR_J)).isTrue();
    assertThat(
            provider.supports(new DatabaseProduct("MariaDB", "10.11.19", 10, 11, "jdbc:mariadb:")))
        .isTrue();
    assertThat(provider.supports(new DatabaseProduct("PostgreSQL", "17.2", 17, 2, "jdbc:pg:")))
        .isFalse();
    assertThat(provider.supports(new DatabaseProduct("H2", "2.3.232", 2, 3, "jdbc:h2:mem:")))
        .isFalse();
  }

  @Test
  void runsMariaDbExecutableCommentsOnlyOnMariaDb() {
    String script = "/*M!100100 SET @x = 1 */;";
    Dialect onMariaDb = new MySqlDialectProvider().create(MARIADB_VIA_CONNECTOR_J);
    Dialect onMySql = new MySqlDialectProvider().create(MYSQL);

    assertThat(onMariaDb.parse(script))
        .containsExactly(SqlStatement.of("/*M!100100 SET @x = 1 */", 1));
    assertThat(onMySql.parse(script)).isEmpty();
    assertThat(onMariaDb.name()).isEqualTo("mysql");
    assertThat(onMariaDb.fileTags()).containsExactlyInAnyOrder("mysql", "mariadb");
  }

  @Test
  void splitsAsTheConfiguredSqlModeReadsStrings() {
    String script = "SELECT 'C:\\dir\\';\nSELECT \"a\\\";";
    Dialect dialect =
        new MySqlDialectProvider().withNoBackslashEscapes(true).withAnsiQuotes(true).create(MYSQL);

    assertThat(dialect.parse(script))
        .containsExactly(
            SqlStatement.of("SELECT 'C:\\dir\\'", 1), SqlStatement.of("SELECT \"a\\\"", 2));
  }

  @Test
  void returnsNewImmutableProvidersFromItsWithers() {
    MySqlDialectProvider defaults = new MySqlDialectProvider();
    MySqlDialectProvider tuned = defaults.withAnsiQuotes(true);

    assertThat(tuned).isNotEqualTo(defaults);
    assertThat(defaults).isEqualTo(new MySqlDialectProvider());
    assertThat(tuned.toString())
        .isEqualTo("MySqlDialectProvider[noBackslashEscapes=false, ansiQuotes=true]");
    assertThat(tuned.withAnsiQuotes(false)).isEqualTo(defaults);
  }
}
