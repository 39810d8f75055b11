package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.StrataOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table of engine options in {@code docs/configuration.md} is the option table ({@link
 * StrataOption}) rendered: a new option or default cannot be forgotten there. {@code
 * -Dstrata.docs.update=true} rewrites it.
 */
class ConfigurationTableTest {
  private static final Path PAGE = Path.of("..", "docs", "configuration.md");
  private static final String BEGIN = "<!-- engine options: generated from StrataOption -->";
  private static final String END = "<!-- end of engine options -->";

  static List<String> table() {
    List<String> rows = new ArrayList<>();
    rows.add("| option | property | environment | default | meaning |");
    rows.add("| --- | --- | --- | --- | --- |");
    for (StrataOption o : StrataOption.values()) {
      String flag =
          "`"
              + o.flag()
              + " "
              + o.valueLabel().replace("|", "\\|")
              + "`"
              + (o.isList() ? " (repeatable)" : "")
              + (o == StrataOption.TARGET ? " (`migrate`, `plan`)" : "");
      rows.add(
          "| "
              + flag
              + " | `"
              + o.property()
              + "`"
              + (o.isList() ? " (comma-separated)" : "")
              + " | `"
              + o.environmentVariable()
              + "` | "
              + (o.defaultValue() == null ? "none" : "`" + o.defaultValue() + "`")
              + " | "
              + o.description().replace("|", "\\|")
              + " |");
    }
    return rows;
  }

  @Test
  void theConfigurationPageTableIsTheOptionTable() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    assertThat(begin).as(PAGE + " marks the generated table").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String generated = String.join("\n", table());
    String recorded = page.substring(begin + BEGIN.length(), end).strip();
    if (Boolean.getBoolean("strata.docs.update")) {
      Files.writeString(
          PAGE,
          page.substring(0, begin + BEGIN.length()) + "\n" + generated + "\n" + page.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(recorded)
        .as(PAGE + "'s engine options; run this test with -Dstrata.docs.update=true to regenerate")
        .isEqualTo(generated);
  }
}
