package dev.strata.testsupport;

import dev.strata.testsupport.internal.CorpusLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real migration sets from other projects, which lives outside the project and
 * is never copied into it: {@code STRATA_CORPUS_DIR}, else {@code ../shared/corpus} found by
 * searching upward from the working directory. Tests using it are skipped, even under {@code
 * CI=true}, when it is absent.
 *
 * <pre>{@code
 * Path sakila = Corpus.require("torture-sakila-mysql");
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Corpus {
  private Corpus() {}

  /** The corpus directory, or empty when it is absent. */
  public static Optional<Path> dir() {
    return CorpusLocator.live().locate();
  }

  /**
   * The directory of migration set {@code set} (a directory name in the corpus, such as {@code
   * flyway-kestra-pg}); aborts the calling test, so it shows as skipped with the reason, when the
   * corpus or the set is absent.
   *
   * @throws IllegalArgumentException when {@code set} is not a plain directory name
   */
  public static Path require(String set) {
    if (set.isEmpty() || set.contains("/") || set.contains("\\") || set.startsWith(".")) {
      throw new IllegalArgumentException(
          "Corpus set must be a directory name in the corpus, such as flyway-kestra-pg: " + set);
    }
    CorpusLocator locator = CorpusLocator.live();
    Optional<Path> corpus = locator.locate();
    if (corpus.isEmpty()) {
      return Assumptions.abort(locator.absenceReason());
    }
    Path dir = corpus.get().resolve(set);
    if (!Files.isDirectory(dir)) {
      return Assumptions.abort("Corpus set " + set + " is absent: no directory " + dir + ".");
    }
    return dir;
  }
}
