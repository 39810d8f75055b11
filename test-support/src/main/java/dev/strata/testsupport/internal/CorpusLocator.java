package dev.strata.testsupport.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds the shared corpus of real migration sets: {@code STRATA_CORPUS_DIR}, else the first {@code
 * shared/corpus} directory beside the working directory or one of its ancestors (the project is
 * {@code /work/main}, the corpus {@code /work/shared/corpus}).
 */
public final class CorpusLocator {
  /** The variable naming the corpus directory explicitly. */
  public static final String ENV_VAR = "STRATA_CORPUS_DIR";

  private final Function<String, @Nullable String> env;
  private final Path workingDir;

  /** A locator reading {@code env} and searching upward from {@code workingDir}. */
  public CorpusLocator(Function<String, @Nullable String> env, Path workingDir) {
    this.env = env;
    this.workingDir = workingDir.toAbsolutePath().normalize();
  }

  /** The locator for this process: its environment and working directory. */
  public static CorpusLocator live() {
    return new CorpusLocator(System::getenv, Path.of(""));
  }

  /** The corpus directory, when it exists. */
  public Optional<Path> locate() {
    String configured = env.apply(ENV_VAR);
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured).toAbsolutePath().normalize();
      return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
    for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("corpus");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Why {@link #locate()} found nothing, and what to do. */
  public String absenceReason() {
    String configured = env.apply(ENV_VAR);
    if (configured != null && !configured.isBlank()) {
      return "The corpus is absent: " + ENV_VAR + "=" + configured + " is not a directory.";
    }
    return "The corpus is absent: no shared/corpus directory beside "
        + workingDir
        + " or its ancestors; set "
        + ENV_VAR
        + " to the corpus directory.";
  }
}
