package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link and {@code #anchor} of README.md and docs/ leads to a file and a heading that
 * exist, so that moving a section between pages cannot leave a dead link behind.
 */
class MarkdownLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void everyLinkOfTheReadmeAndTheDocsResolves() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    assertThat(pages).contains(ROOT.resolve("docs/README.md"), ROOT.resolve("docs/commands.md"));

    assertThat(new MarkdownLinks().brokenLinks(pages)).isEmpty();
  }

  @Test
  void reportsAMissingFileAndAMissingAnchorWithTheirLine() throws IOException {
    Files.writeString(dir.resolve("other.md"), "# Other\n\n## Exit codes\n");
    Path page =
        Files.writeString(
            dir.resolve("page.md"),
            "# Page\n\n[fine](other.md#exit-codes), [also fine](#page)\n"
                + "[gone](missing.md) and [no anchor](other.md#exit-code)\n"
                + "[a URL](https://example.com/x.md) and `[code](nowhere.md)`\n"
                + "```\n[fenced](nowhere.md)\n```\n");

    assertThat(new MarkdownLinks().brokenLinks(List.of(page)))
        .satisfiesExactly(
            missing -> assertThat(missing).startsWith(page + ":4: missing.md: no such file"),
            anchor ->
                assertThat(anchor)
                    .startsWith(page + ":4: other.md#exit-code: no heading of other.md")
                    .contains("[other, exit-codes]"));
  }

  @Test
  void anchorsAreTheOnesGithubGivesHeadings() {
    assertThat(
            MarkdownLinks.headingAnchors(
                List.of(
                    "# Strata",
                    "## Expand and contract: deploys that never need a down migration",
                    "## Readiness: waiting for someone else's migration",
                    "## 1. The project",
                    "### `--schemas GLOB` and [tenants](x.md)",
                    "## What happens if …",
                    "## Stopping",
                    "```",
                    "# not a heading",
                    "```",
                    "## Stopping")))
        .containsExactly(
            "strata",
            "expand-and-contract-deploys-that-never-need-a-down-migration",
            "readiness-waiting-for-someone-elses-migration",
            "1-the-project",
            "--schemas-glob-and-tenants",
            "what-happens-if-",
            "stopping",
            "stopping-1");
  }
}
