package dev.strata.testsupport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLocatorTest {
  @TempDir Path root;

  @Test
  void findsSharedCorpusBesideAnAncestorOfTheWorkingDirectory() throws IOException {
    Path corpus = Files.createDirectories(root.resolve("shared/corpus"));
    Path module = Files.createDirectories(root.resolve("main/engine-core"));

    assertThat(new CorpusLocator(Map.<String, String>of()::get, module).locate())
        .contains(corpus.toAbsolutePath().normalize());
  }

  @Test
  void prefersTheEnvironmentVariable() throws IOException {
    Files.createDirectories(root.resolve("shared/corpus"));
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));

    assertThat(
            new CorpusLocator(Map.of("STRATA_CORPUS_DIR", elsewhere.toString())::get, root)
                .locate())
        .contains(elsewhere.toAbsolutePath().normalize());
  }

  @Test
  void findsNothingWhenTheVariableNamesAMissingDirectoryAndSaysSo() throws IOException {
    Files.createDirectories(root.resolve("shared/corpus"));
    Path missing = root.resolve("missing");
    CorpusLocator locator =
        new CorpusLocator(Map.of("STRATA_CORPUS_DIR", missing.toString())::get, root);

    assertThat(locator.locate()).isEmpty();
    assertThat(locator.absenceReason())
        .contains("STRATA_CORPUS_DIR=" + missing, "is not a directory");
  }

  @Test
  void findsNothingWithoutACorpusAndNamesTheVariable() throws IOException {
    Path module = Files.createDirectories(root.resolve("main/cli"));
    CorpusLocator locator = new CorpusLocator(Map.<String, String>of()::get, module);

    // Assumes no shared/corpus above the temporary directory, as on any sane machine.
    assertThat(locator.locate()).isEmpty();
    assertThat(locator.absenceReason())
        .contains("no shared/corpus directory beside", "set STRATA_CORPUS_DIR");
  }
}
