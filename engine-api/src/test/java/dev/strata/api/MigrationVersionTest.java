package dev.strata.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationVersionTest {

  private static MigrationVersion v(String text) {
    return MigrationVersion.parse(text);
  }

  @Test
  void comparesSegmentsNumericallyNotAsStrings() {
    assertThat(v("1.2")).isLessThan(v("1.10"));
    assertThat(v("9")).isLessThan(v("10"));
    assertThat(v("1.9.9")).isLessThan(v("1.10"));
    assertThat(v("2")).isGreaterThan(v("1.999"));
  }

  @Test
  void aLongerVersionWithANonZeroTailIsNewerThanItsPrefix() {
    assertThat(v("1.0.1")).isGreaterThan(v("1"));
    assertThat(v("1.0.1").isNewerThan(v("1.0"))).isTrue();
    assertThat(v("1").isNewerThan(v("1.0.1"))).isFalse();
  }

  @Test
  void trailingZeroSegmentsAndUnderscoresDoNotChangeTheVersion() {
    assertThat(v("1")).isEqualTo(v("1.0")).isEqualTo(v("1_0")).isEqualTo(v("1.0.0"));
    assertThat(v("1")).hasSameHashCodeAs(v("1.0")).hasSameHashCodeAs(v("1_0"));
    assertThat(v("1").compareTo(v("1.0"))).isZero();
    assertThat(v("1_0").compareTo(v("1"))).isZero();
    assertThat(v("1.0").isNewerThan(v("1"))).isFalse();
    assertThat(v("1.0").segments()).containsExactly(BigInteger.ONE);
  }

  @Test
  void leadingZerosDoNotCount() {
    assertThat(v("01")).isEqualTo(v("1"));
    assertThat(v("1.02")).isEqualTo(v("1.2"));
    assertThat(v("007.010")).isEqualTo(v("7.10"));
    assertThat(v("09")).isLessThan(v("10"));
  }

  @Test
  void drizzleZeroPaddedIndexesSortInOrder() {
    assertThat(v("0000")).isLessThan(v("0001"));
    assertThat(v("0009")).isLessThan(v("0010"));
    assertThat(v("0000")).isEqualTo(v("0"));
    assertThat(v("0000").segments()).containsExactly(BigInteger.ZERO);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20210410175418",
        "202104101754180",
        "2021041017541800",
        "20210410175418000",
        "202104101754180000",
        "2021041017541800000",
        "20210410175418000000"
      })
  void acceptsTimestampsOf14To20Digits(String timestamp) {
    MigrationVersion version = v(timestamp);

    assertThat(version.segments()).containsExactly(new BigInteger(timestamp));
    assertThat(version).hasToString(timestamp);
  }

  @Test
  void comparesTimestampsBeyondLongMaxValue() {
    // Long.MAX_VALUE is 9223372036854775807 (19 digits); Ory's 20-digit versions exceed it.
    MigrationVersion beyond = v("20210410175418000000");
    MigrationVersion next = v("20210410175418000001");

    assertThat(new BigInteger("20210410175418000000"))
        .isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
    assertThat(beyond).isLessThan(next);
    assertThat(v("99999999999999999999")).isGreaterThan(v("20210410175418000000"));
    assertThat(v("9223372036854775807")).isLessThan(v("9223372036854775808"));
    assertThat(v("20150100000001000000")).isLessThan(v("20201110175414000000"));
  }

  @Test
  void aTimestampIsNewerThanAnySmallVersion() {
    assertThat(v("20210410175418")).isGreaterThan(v("999.999"));
  }

  @ParameterizedTest
  @CsvSource({
    "1,       1",
    "1.2,     1.2",
    "1_2,     1.2",
    "1_2_10,  1.2.10",
    "1.0,     1.0",
    "01.02,   01.02",
    "0000,    0000",
    "1_0,     1.0"
  })
  void toStringKeepsTheTextAsWrittenWithUnderscoresShownAsDots(String text, String shown) {
    assertThat(v(text)).hasToString(shown);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "v1",
        "V1",
        "1.",
        ".1",
        "1..2",
        "1__2",
        "1-2",
        "1.a",
        "a",
        "1 2",
        " 1",
        "-1",
        "1.2-SNAPSHOT",
        "+1"
      })
  void rejectsTextThatIsNotDigitsSeparatedByDotsOrUnderscores(String text) {
    assertThat(MigrationVersion.isVersion(text)).isFalse();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MigrationVersion.parse(text))
        .withMessage(
            "'"
                + text
                + "' is not a migration version: use digits separated by '.' or '_',"
                + " such as 1, 1.2.10 or 20210410175418");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.2", "1_2", "1.2_3", "0000", "20210410175418000000"})
  void isVersionAcceptsWhatParseAccepts(String text) {
    assertThat(MigrationVersion.isVersion(text)).isTrue();
  }

  @Test
  void sortsAShuffledListInVersionOrder() {
    List<String> ordered =
        List.of(
            "0",
            "0001",
            "1.1",
            "1.2",
            "1.3",
            "1.9",
            "1.10",
            "1.10.1",
            "1.11",
            "2",
            "9",
            "10",
            "100",
            "20210410175418",
            "20210410175418000000",
            "20210410175418000001");
    List<MigrationVersion> shuffled =
        new ArrayList<>(ordered.stream().map(MigrationVersion::parse).toList());
    Collections.shuffle(shuffled, new Random(42));

    Collections.sort(shuffled);

    assertThat(shuffled).extracting(MigrationVersion::toString).containsExactlyElementsOf(ordered);
  }

  @Test
  void equalityIsConsistentWithComparison() {
    List<String> texts = List.of("1", "1.0", "1_0", "01", "1.2", "1.02", "1.10", "10");
    for (String a : texts) {
      for (String b : texts) {
        assertThat(v(a).equals(v(b))).as("%s equals %s", a, b).isEqualTo(v(a).compareTo(v(b)) == 0);
      }
    }
  }
}
