package dev.strata.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A migration set written by {@link MigrationSetGenerator}.
 *
 * @param dir the set's directory, holding {@code migrations/} and {@code changelog.xml}
 * @param shape what the files contain
 * @param migrations how many files, {@code V1} to {@code V<migrations>}
 * @param expectedLogRows the rows in {@code bench_log} once every migration ran exactly once
 */
public record MigrationSet(
    Path dir, MigrationSetGenerator.Shape shape, int migrations, int expectedLogRows) {

  /** The folder of SQL files. */
  public Path migrationsDir() {
    return dir.resolve(MigrationSetGenerator.MIGRATIONS);
  }

  /** Writes a set into a new temporary directory; {@link #delete()} removes it. */
  public static MigrationSet createTemporary(String shape, int migrations) {
    try {
      Path dir = Files.createTempDirectory("strata-bench-" + shape + "-" + migrations + "-");
      return MigrationSetGenerator.generate(
          dir, MigrationSetGenerator.Shape.named(shape), migrations);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory for a migration set", e);
    }
  }

  /**
   * The set {@link MigrationSetGenerator#generate} wrote into {@code dir} with {@code shape} and
   * {@code migrations}, without writing it again: for a process that applies a set another one
   * generated.
   */
  public static MigrationSet written(Path dir, MigrationSetGenerator.Shape shape, int migrations) {
    // V1 of the trivial shape creates bench_log without a row of its own.
    int logRows = shape == MigrationSetGenerator.Shape.REALISTIC ? migrations : migrations - 1;
    return new MigrationSet(dir, shape, migrations, logRows);
  }

  /** Deletes the set's directory. */
  public void delete() {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the migration set in " + dir, e);
    }
  }
}
