package dev.strata.source.tools.internal.diesel;

import dev.strata.api.MigrationDiscoveryException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration folder's {@code metadata.toml}, as Diesel's {@code TomlMetadata} reads it: its one
 * setting {@code run_in_transaction} is a boolean whose serde default is {@code false}, so a file
 * that exists but does not set it runs the migration outside a transaction; without the file the
 * migration runs in one. Diesel falls back to a transaction when the file is not valid TOML; Strata
 * refuses it instead, naming the line, since the file's author meant something by it.
 *
 * <p>Reads the part of TOML such a file uses: comments, blank lines, {@code key = value} lines and
 * table headers (keys below a header are not top-level, so not Diesel's setting).
 */
final class DieselMetadata {
  static final String FILE = "metadata.toml";
  private static final String KEY = "run_in_transaction";
  private static final Pattern KEY_VALUE =
      Pattern.compile("([A-Za-z0-9_.-]+|\"[^\"]*\"|'[^']*')\\s*=\\s*(.*)");
  private static final Pattern TABLE = Pattern.compile("\\[\\[?[^\\]]+\\]\\]?\\s*(#.*)?");
  private static final Pattern BOOLEAN = Pattern.compile("(true|false)\\s*(#.*)?");

  private DieselMetadata() {}

  /**
   * Whether the migration runs in a transaction, by {@code metadata.toml}'s {@code bytes}.
   *
   * @throws MigrationDiscoveryException naming {@code origin}'s line when it cannot be read
   */
  static boolean runInTransaction(byte[] bytes, String origin) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    boolean topLevel = true;
    Set<String> keys = new HashSet<>();
    Boolean value = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (TABLE.matcher(line).matches()) {
        topLevel = false;
        continue;
      }
      Matcher kv = KEY_VALUE.matcher(line);
      if (!kv.matches()) {
        throw unreadable(origin, i + 1, "'" + line + "' is not a TOML key = value line");
      }
      String key = unquote(kv.group(1));
      if (!topLevel) {
        continue;
      }
      if (!keys.add(key)) {
        throw unreadable(origin, i + 1, "the key " + key + " is set twice");
      }
      if (key.equals(KEY)) {
        Matcher bool = BOOLEAN.matcher(kv.group(2));
        if (!bool.matches()) {
          throw unreadable(
              origin, i + 1, KEY + " must be true or false (unquoted), not " + kv.group(2).strip());
        }
        value = Boolean.parseBoolean(bool.group(1));
      }
    }
    // Present but silent: serde's default for a bool, false (Diesel's own behaviour).
    return value != null && value;
  }

  private static String unquote(String key) {
    return key.startsWith("\"") || key.startsWith("'") ? key.substring(1, key.length() - 1) : key;
  }

  private static MigrationDiscoveryException unreadable(String origin, int line, String what) {
    return new MigrationDiscoveryException(
        origin
            + ":"
            + line
            + ": "
            + what
            + "; Diesel would ignore the whole file and run the migration in a transaction."
            + " Write run_in_transaction = false (or true), or delete the file",
        List.of(origin));
  }
}
