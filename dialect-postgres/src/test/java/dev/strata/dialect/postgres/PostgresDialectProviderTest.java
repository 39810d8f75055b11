package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.DialectProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PostgresDialectProviderTest {
  private static final DatabaseProduct POSTGRES =
      new DatabaseProduct("PostgreSQL", "15.20", 15, 20, "jdbc:postgresql://localhost/test");

  @Test
  void isFoundByServiceLoaderUnderItsName() {
    DialectProvider provider =
        ServiceLoader.load(DialectProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("postgresql"))
            .findFirst()
            .orElseThrow();

    assertThat(provider).isInstanceOf(PostgresDialectProvider.class);
  }

  @Test
  void supportsPostgresAndCreatesItsDialect() {
    PostgresDialectProvider provider = new PostgresDialectProvider();

    assertThat(provider.supports(POSTGRES)).isTrue();
    assertThat(provider.create(POSTGRES).name()).isEqualTo("postgresql");
  }

  @Test
  void doesNotSupportOtherDatabases() {
    PostgresDialectProvider provider = new PostgresDialectProvider();

    assertThat(provider.supports(new DatabaseProduct("H2", "2.3.232", 2, 3, "jdbc:h2:mem:")))
        .isFalse();
    assertThat(provider.supports(new DatabaseProduct("MariaDB", "10.11", 10, 11, "jdbc:mariadb:")))
        .isFalse();
  }

  @Test
  void decidesEnumAdditionsByTheServerVersion() {
    String sql = "ALTER TYPE mood ADD VALUE 'meh'";
    DatabaseProduct old = new DatabaseProduct("PostgreSQL", "11.22", 11, 22, "jdbc:postgresql:");

    assertThat(new PostgresDialectProvider().create(old).parse(sql).get(0).noTransaction())
        .isTrue();
    assertThat(new PostgresDialectProvider().create(POSTGRES).parse(sql).get(0).noTransaction())
        .isFalse();
  }
}
