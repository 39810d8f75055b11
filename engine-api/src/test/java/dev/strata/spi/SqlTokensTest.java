package dev.strata.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlTokensTest {
  static Stream<Arguments> statements() {
    return Stream.of(
        Arguments.of("insert into t values (1)", "INSERT"),
        Arguments.of("  -- a comment\n  set search_path = x", "SET"),
        Arguments.of("/* block */ # mysql comment\nUSE db", "USE"),
        Arguments.of("'text' SELECT", "'…'"),
        Arguments.of("\"Quoted\" x", "Quoted"),
        Arguments.of("(SELECT 1)", "("),
        Arguments.of("-- only a comment", ""),
        Arguments.of("", ""));
  }

  @ParameterizedTest
  @MethodSource("statements")
  void readsTheFirstWordAsOfReadsItWithoutReadingFurther(String sql, String first) {
    assertThat(SqlTokens.firstWord(sql)).isEqualTo(first);
    assertThat(SqlTokens.of(sql).get(0)).isEqualTo(first);
  }
}
