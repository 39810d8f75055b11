package dev.strata.core.internal.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ScriptParseException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DirectiveParserTest {
  @Test
  void readsTheTransactionDirectiveFromTheHeader() {
    assertThat(
            DirectiveParser.parse(
                    "-- strata:transaction=false\nCREATE TABLE t (id int);", "V1__a.sql")
                .transaction())
        .isFalse();
    assertThat(
            DirectiveParser.parse("--strata:transaction=true\nSELECT 1;", "V1__a.sql")
                .transaction())
        .isTrue();
  }

  @Test
  void findsDirectivesAmongOtherHeaderCommentsAndBlankLines() {
    String script =
        "-- Adds an index without blocking writes.\n\n-- strata:transaction=false\nCREATE INDEX x ON t (id);";

    assertThat(DirectiveParser.parse(script, "V1__a.sql").transaction()).isFalse();
  }

  @Test
  void ignoresDirectivesAfterTheFirstStatement() {
    assertThat(DirectiveParser.parse("SELECT 1;\n-- strata:transaction=false\n", "V1__a.sql"))
        .isEqualTo(Directives.NONE);
  }

  @Test
  void readsTheDdlLockTimeoutUnderItsNameAndItsEarlierOne() {
    assertThat(
            DirectiveParser.parse("-- strata:ddl-lock-timeout=5s\nSELECT 1;", "V1__a.sql")
                .ddlLockTimeout())
        .isEqualTo(Duration.ofSeconds(5));
    // Scripts applied before the rename keep their text, and so their checksum.
    assertThat(
            DirectiveParser.parse("-- strata:lock-timeout=750ms\nSELECT 1;", "V1__a.sql")
                .ddlLockTimeout())
        .isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void rejectsAnUnknownDirectiveNamingFileAndLine() {
    assertThatThrownBy(
            () ->
                DirectiveParser.parse(
                    "-- header\n-- strata:transactional=false\nSELECT 1;", "V1__a.sql"))
        .isInstanceOf(ScriptParseException.class)
        .hasMessageStartingWith("V1__a.sql:2: unknown directive strata:transactional")
        .hasMessageContaining("strata:transaction=true|false");
  }

  @Test
  void rejectsABadValue() {
    assertThatThrownBy(() -> DirectiveParser.parse("-- strata:transaction=no\n", "V1__a.sql"))
        .hasMessage("V1__a.sql:1: strata:transaction takes true or false, not 'no'");
  }

  @Test
  void rejectsAMalformedDirective() {
    assertThatThrownBy(() -> DirectiveParser.parse("-- strata: transaction false\n", "V1__a.sql"))
        .hasMessageContaining("V1__a.sql:1: malformed directive");
  }

  @Test
  void handlesCrlfLineEnds() {
    assertThat(
            DirectiveParser.parse("-- strata:transaction=false\r\nSELECT 1;\r\n", "V1__a.sql")
                .transaction())
        .isFalse();
  }
}
