package dev.strata.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ConfigurationException;
import dev.strata.core.Strata;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A dialect without a schema inspector (the SPI's default): the schema commands say so. */
class UninspectableDialectTest {
  private final Strata strata =
      Strata.configure()
          .url(
              "jdbc:h2:mem:u"
                  + UUID.randomUUID().toString().replace("-", "")
                  + ";DB_CLOSE_DELAY=-1")
          .dialectProvider(BrokenDialects.inspectsNoSchema())
          .dialect("h2")
          .load();

  @Test
  void dumpSchemaAndDiffRefuseNamingTheMissingInspector() {
    String message =
        "The h2 dialect cannot inspect a schema (its Dialect.schemaInspector() returns none), so"
            + " `dump-schema` and `diff` cannot run on it";

    assertThatThrownBy(strata::dumpSchema)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(message);
    assertThatThrownBy(strata::diff)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(message);
  }
}
