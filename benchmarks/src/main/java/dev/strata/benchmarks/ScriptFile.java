package dev.strata.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A generated {@code V<n>__<name>.sql} file as the floors read it: version, name, text and a CRC32
 * checksum of its bytes.
 */
record ScriptFile(int version, String description, String sql, long checksum) {
  private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

  /** Every migration file of the set's folder, in version order. */
  static List<ScriptFile> readAll(MigrationSet set) {
    List<ScriptFile> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(set.migrationsDir())) {
      for (Path p : (Iterable<Path>) listing::iterator) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(p);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        files.add(
            new ScriptFile(
                Integer.parseInt(m.group(1)),
                m.group(2),
                new String(bytes, StandardCharsets.UTF_8),
                crc.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the migrations in " + set.migrationsDir(), e);
    }
    files.sort(Comparator.comparingInt(ScriptFile::version));
    return files;
  }

  /**
   * The statements, split the trivial way the generated files allow: a statement ends with the line
   * that ends with {@code ;}; lines starting with {@code --} are comments.
   */
  List<String> statements() {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        statements.add(current.toString());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString());
    }
    return statements;
  }
}
