package dev.strata.maven;

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
 * The options table of docs/maven-plugin.md is the option table ({@link StrataOption}) rendered as
 * the plugin's parameters: a new option or default cannot be forgotten there. {@code
 * -Dstrata.docs.update=true} rewrites it.
 */
class OptionsDocumentationTest {
  private static final Path DOC = Path.of("..", "docs", "maven-plugin.md");
  private static final String BEGIN = "<!-- plugin options: generated from StrataOption -->";
  private static final String END = "<!-- end of plugin options -->";

  static List<String> table() {
    List<String> rows = new ArrayList<>();
    rows.add("| parameter | user property | default | meaning |");
    rows.add("| --- | --- | --- | --- |");
    for (StrataOption o : StrataOption.values()) {
      String defaultValue =
          o == StrataOption.SOURCES
              ? "`filesystem:` the project's `src/main/resources/db/migration`"
              : o.defaultValue() == null ? "none" : "`" + o.defaultValue() + "`";
      rows.add(
          "| `<"
              + o.key()
              + ">`"
              + (o.isList() ? " (a list)" : "")
              + " | `"
              + o.property()
              + "` | "
              + defaultValue
              + " | "
              + o.description().replace("|", "\\|")
              + " |");
    }
    return rows;
  }

  @Test
  void theDocumentedOptionsAreTheOptionTable() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("docs/maven-plugin.md marks the generated table").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String generated = String.join("\n", table());
    if (Boolean.getBoolean("strata.docs.update")) {
      Files.writeString(
          DOC,
          doc.substring(0, begin + BEGIN.length()) + "\n" + generated + "\n" + doc.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(doc.substring(begin + BEGIN.length(), end).strip())
        .as("docs/maven-plugin.md's options; run this test with -Dstrata.docs.update=true")
        .isEqualTo(generated);
  }
}
