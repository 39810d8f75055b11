package dev.strata.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetadataQuotingTest {
  @Test
  void quotesWithTheReportedQuoteDoublingEmbeddedOnes() {
    assertThat(MetadataQuoting.quote("\"", "Order Line")).isEqualTo("\"Order Line\"");
    assertThat(MetadataQuoting.quote("`", "x`y")).isEqualTo("`x``y`");
  }

  @Test
  void usesPlainNamesAsWrittenWhereTheDatabaseCannotQuote() {
    assertThat(MetadataQuoting.quote("", "PUBLIC")).isEqualTo("PUBLIC");
    assertThatThrownBy(() -> MetadataQuoting.quote("", "Order Line"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Order Line needs quoting, but the database reports no identifier quote character");
  }
}
