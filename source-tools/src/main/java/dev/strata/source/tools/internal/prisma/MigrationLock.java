package dev.strata.source.tools.internal.prisma;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.spi.SourceListing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code migration_lock.toml}, read as the schema engine's {@code read_provider_from_lock_file}
 * reads it: the first line starting with {@code provider}, with {@code provider = } and the quotes
 * around the value trimmed, is the provider; {@code prisma migrate deploy} refuses (P3019) a
 * database whose connector is not that provider. Strata says so as a {@link
 * SourceListing.DialectRequirement}, which the engine checks once it knows the database.
 *
 * @param provider the provider as Prisma reads it ({@code mysql})
 * @param line the provider's line
 * @param origin the file, for messages
 */
record MigrationLock(String provider, int line, String origin) {
  static final String FILE = "migration_lock.toml";

  /** Prisma's connector types, each with the Strata dialect file tag of that database. */
  private static final Map<String, String> DIALECT_TAGS =
      Map.of(
          "postgresql", "postgresql",
          "cockroachdb", "cockroachdb",
          "mysql", "mysql",
          "sqlite", "sqlite",
          "sqlserver", "sqlserver");

  /**
   * Reads the file's {@code bytes}.
   *
   * @throws MigrationDiscoveryException naming the file when Prisma would find no provider it knows
   */
  static MigrationLock read(byte[] bytes, String origin) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      // Rust's str::lines(): split at \n, a \r before it dropped.
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.startsWith("provider")) {
        String provider = trimQuotes(trimStart(line, "provider = "));
        if (!DIALECT_TAGS.containsKey(provider)) {
          throw new MigrationDiscoveryException(
              origin
                  + ":"
                  + (i + 1)
                  + ": Prisma reads the provider here as '"
                  + provider
                  + "', which is none of "
                  + String.join(", ", DIALECT_TAGS.keySet().stream().sorted().toList())
                  + ", so prisma migrate deploy refuses every database (P3019); write the line as"
                  + " prisma migrate writes it, e.g. provider = \"postgresql\"",
              List.of(origin));
        }
        return new MigrationLock(provider, i + 1, origin);
      }
    }
    throw new MigrationDiscoveryException(
        origin
            + " has no provider line, so prisma migrate deploy refuses every database (P3019);"
            + " add the line provider = \"<provider>\" (postgresql, mysql, …), or delete the file",
        List.of(origin));
  }

  /** What the engine checks against the connected database. */
  SourceListing.DialectRequirement requirement() {
    return new SourceListing.DialectRequirement(
        Set.of(DIALECT_TAGS.get(provider)), origin + ":" + line, "provider = \"" + provider + "\"");
  }

  /**
   * Whether Prisma applies each script outside a transaction: on MySQL it sends the script as one
   * multi-statement text and stops at the first failing statement, keeping those before it; on
   * PostgreSQL one simple query runs the whole script in one implicit transaction.
   */
  boolean autocommit() {
    return provider.equals("mysql");
  }

  /** Rust's {@code trim_start_matches}: every leading repetition of {@code prefix}. */
  private static String trimStart(String text, String prefix) {
    while (text.startsWith(prefix)) {
      text = text.substring(prefix.length());
    }
    return text;
  }

  /** Rust's {@code trim_matches('"')}: every leading and trailing {@code "}. */
  private static String trimQuotes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '"') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '"') {
      end--;
    }
    return text.substring(start, end);
  }
}
