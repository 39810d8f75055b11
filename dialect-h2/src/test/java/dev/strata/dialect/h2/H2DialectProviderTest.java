package dev.strata.dialect.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.DialectProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class H2DialectProviderTest {

  @Test
  void isFoundByServiceLoaderAndSupportsARealH2Connection() throws SQLException {
    DialectProvider provider =
        ServiceLoader.load(DialectProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("h2"))
            .findFirst()
            .orElseThrow();

    assertThat(provider).isInstanceOf(H2DialectProvider.class);
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID())) {
      DatabaseProduct product = DatabaseProduct.of(connection.getMetaData());
      assertThat(provider.supports(product)).isTrue();
      assertThat(provider.create(product).name()).isEqualTo("h2");
    }
  }

  @Test
  void doesNotSupportOtherDatabases() {
    DatabaseProduct postgres =
        new DatabaseProduct("PostgreSQL", "17.2", 17, 2, "jdbc:postgresql://localhost/test");

    assertThat(new H2DialectProvider().supports(postgres)).isFalse();
  }
}
