package dev.strata.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest
  @CsvSource({
    "500ms,   PT0.5S",
    "0ms,     PT0S",
    "30s,     PT30S",
    "5m,      PT5M",
    "1h,      PT1H",
    "90m,     PT1H30M",
    "3600s,   PT1H",
    "'30 s',  PT30S",
    "' 10m ', PT10M"
  })
  void readsANumberWithAUnit(String text, String expected) {
    assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @Test
  void readsABareNumberAsSeconds() {
    assertThat(DurationText.parse("45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(DurationText.parse("0")).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @CsvSource({"PT30S, PT30S", "PT1M30S, PT1M30S", "pt2m, PT2M", "P1D, PT24H", "PT0.25S, PT0.25S"})
  void readsIso8601Durations(String text, String expected) {
    assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "abc",
        "5 minutes",
        "1d",
        "5M",
        "10S",
        "1.5s",
        "-5s",
        "s",
        "ms",
        "5mss",
        "PT"
      })
  void rejectsTextThatIsNoDurationNamingItAndTheAcceptedForms(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationText.parse(text))
        .withMessage("'" + text + "' is not a duration; write e.g. 500ms, 30s, 5m or 1h");
  }

  @Test
  void rejectsANumberTooLongForALongWithTheUsualMessage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationText.parse("99999999999999999999s"))
        .withMessage("'99999999999999999999s' is not a duration; write e.g. 500ms, 30s, 5m or 1h");
  }

  @Test
  void rejectsAnHourCountTooLargeForADurationWithTheUsualMessage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationText.parse("9999999999999999h"))
        .withMessage("'9999999999999999h' is not a duration; write e.g. 500ms, 30s, 5m or 1h");
  }
}
