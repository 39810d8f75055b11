package dev.strata.cli.internal;

import dev.strata.api.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The schemas {@code migrate --schemas GLOB} or {@code --schemas-file FILE} names: glob matches
 * against the catalog's schema names ({@link java.sql.DatabaseMetaData#getSchemas()}), or the lines
 * of a file; sorted and without duplicates.
 */
final class SchemaSelection {
  private SchemaSelection() {}

  /**
   * The catalog's schemas that match any of {@code globs}. A glob's {@code *} matches any run of
   * characters, {@code ?} one; matching ignores case, since databases fold unquoted names
   * differently (H2 to upper case, PostgreSQL to lower), and the name is used as the catalog spells
   * it.
   */
  static List<String> matching(Connection connection, List<String> globs) throws SQLException {
    List<Pattern> patterns = globs.stream().map(SchemaSelection::glob).toList();
    List<String> all = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getSchemas()) {
      while (rs.next()) {
        all.add(rs.getString("TABLE_SCHEM"));
      }
    }
    TreeSet<String> matched = new TreeSet<>();
    for (String schema : all) {
      if (patterns.stream().anyMatch(p -> p.matcher(schema).matches())) {
        matched.add(schema);
      }
    }
    if (matched.isEmpty()) {
      throw new ConfigurationException(
          "No schema matches "
              + String.join(", ", globs)
              + " (--schemas, STRATA_SCHEMAS); the"
              + " database has: "
              + String.join(", ", new TreeSet<>(all)));
    }
    return List.copyOf(matched);
  }

  /**
   * The schemas listed in {@code file}, one per line; blank lines and {@code #} comments are
   * skipped.
   */
  static List<String> fromFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot read the schemas file " + file + " (--schemas-file, STRATA_SCHEMAS_FILE): " + e,
          e);
    }
    TreeSet<String> schemas = new TreeSet<>();
    for (String line : lines) {
      int hash = line.indexOf('#');
      String name = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (!name.isEmpty()) {
        schemas.add(name);
      }
    }
    if (schemas.isEmpty()) {
      throw new ConfigurationException(
          "The schemas file " + file + " (--schemas-file, STRATA_SCHEMAS_FILE) lists no schema");
    }
    return List.copyOf(schemas);
  }

  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.strip().toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
