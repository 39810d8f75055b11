package dev.strata.junit.internal;

import dev.strata.core.StrataOption;
import dev.strata.junit.MigratedDatabase.Database;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a template is migrated from: the database kind, the migration locations and the engine
 * options. Tests whose specs are equal share one template per JVM.
 *
 * @param database the database kind
 * @param locations Strata locations of the migrations
 * @param options engine options by {@link StrataOption}, without the connection's
 * @param serverUrl the server (PostgreSQL, MySQL) to use instead of the environment's, or null
 */
public record DatabaseSpec(
    Database database,
    List<String> locations,
    Map<StrataOption, String> options,
    @Nullable String serverUrl) {
  /** Options the extension sets itself: the connection is the copy's. */
  static final Set<StrataOption> RESERVED =
      Collections.unmodifiableSet(
          EnumSet.of(
              StrataOption.URL,
              StrataOption.USER,
              StrataOption.PASSWORD,
              StrataOption.PASSWORD_FILE,
              StrataOption.CONFIG,
              StrataOption.SOURCES));

  /** Validates and copies. */
  public DatabaseSpec {
    if (locations.isEmpty()) {
      throw new IllegalArgumentException(
          "no migration locations: give at least one, e.g. classpath:db/migration");
    }
    locations = List.copyOf(locations);
    for (StrataOption option : options.keySet()) {
      if (RESERVED.contains(option)) {
        throw new IllegalArgumentException(
            "option "
                + option.key()
                + " is set by the extension (the connection is each test's copy; the locations"
                + " are 'locations'); remove it");
      }
    }
    options = Collections.unmodifiableMap(new TreeMap<>(options));
    if (serverUrl != null && database == Database.H2) {
      throw new IllegalArgumentException(
          "a server URL is for POSTGRESQL or MYSQL; H2 runs in memory");
    }
  }

  /**
   * Parses {@code key=value} texts, with the keys of {@link StrataOption}; a bad one is an {@link
   * IllegalArgumentException} that says which and what the known keys are.
   */
  public static Map<StrataOption, String> parseOptions(String[] texts) {
    Map<StrataOption, String> options = new LinkedHashMap<>();
    for (String text : texts) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "option '" + text + "' is not key=value, e.g. schema=app or target=7");
      }
      String key = text.substring(0, eq).strip();
      StrataOption option = StrataOption.forKey(key);
      if (option == null) {
        throw new IllegalArgumentException(
            "unknown option '"
                + key
                + "' in '"
                + text
                + "'; known options: "
                + String.join(", ", StrataOption.keys()));
      }
      options.put(option, text.substring(eq + 1).strip());
    }
    return options;
  }

  /** The options as the {@code strata.*} properties the engine's builder reads. */
  Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    options.forEach((option, value) -> properties.put(option.property(), value));
    return properties;
  }
}
