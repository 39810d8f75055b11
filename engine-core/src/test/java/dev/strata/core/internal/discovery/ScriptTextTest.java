package dev.strata.core.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.spi.MigrationResource;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptTextTest {
  private static MigrationResource file(byte[] bytes) {
    return new MigrationResource(
        new MigrationId(MigrationVersion.parse("1"), "x"),
        Direction.UP,
        null,
        false,
        "mem/V1__x.sql",
        () -> bytes);
  }

  /** Hex bytes: plain, multi-byte, BOM, BOM only, CRLF, lone CR, U+FFFD, U+F000 (starts EF). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "53454c45435420313b0a",
        "c3a9e282ac0a",
        "efbbbf53454c45435420313b",
        "efbbbf",
        "53454c45435420313b0d0a53454c45435420323b0d0a",
        "610d62",
        "efbfbd",
        "ef8080"
      })
  void checksumsTheBytesAsReadExactlyAsTheText(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);

    ScriptText.Checked checked = ScriptText.readChecked(file(bytes), ScriptText.sha256());

    assertThat(checked.text()).isEqualTo(ScriptText.read(file(bytes)));
    assertThat(checked.checksum()).isEqualTo(ScriptText.checksum(checked.text()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1;\n", "SELECT 1;\r\n"})
  void givesACheckoutWithCrlfTheSameChecksum(String text) {
    ScriptText.Checked checked =
        ScriptText.readChecked(file(text.getBytes(StandardCharsets.UTF_8)), ScriptText.sha256());

    assertThat(checked.checksum()).isEqualTo(ScriptText.checksum("SELECT 1;\n"));
  }
}
