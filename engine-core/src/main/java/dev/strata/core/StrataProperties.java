package dev.strata.core;

import dev.strata.api.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Gathers {@code strata.*} options from their three lower layers, each overriding the one before: a
 * properties file named explicitly ({@code --config FILE} or {@code STRATA_CONFIG}; never picked up
 * from the working directory), then {@code STRATA_*} environment variables, then system properties.
 * Command-line options and builder calls override all three. A list option given in a higher layer
 * replaces the lower one's list.
 */
public final class StrataProperties {
  private StrataProperties() {}

  /**
   * The merged options.
   *
   * @param file a properties file, or {@code null}; when {@code null}, {@code STRATA_CONFIG} names
   *     one if set
   */
  public static Map<String, String> load(
      @Nullable Path file, Map<String, String> environment, Properties system) {
    Map<String, String> merged = new LinkedHashMap<>();
    Path config = file;
    if (config == null && environment.containsKey("STRATA_CONFIG")) {
      config = Path.of(environment.get("STRATA_CONFIG"));
    }
    if (config == null && system.getProperty("strata.config") != null) {
      config = Path.of(system.getProperty("strata.config"));
    }
    if (config != null) {
      merged.putAll(readFile(config));
    }
    Map<String, String> fromEnvironment = new LinkedHashMap<>();
    Map<String, String> fromSystem = new LinkedHashMap<>();
    for (StrataOption option : StrataOption.values()) {
      putIfSet(fromEnvironment, option, environment.get(option.environmentVariable()));
      putIfSet(fromSystem, option, system.getProperty(option.property()));
    }
    return overlay(overlay(merged, fromEnvironment), fromSystem);
  }

  private static void putIfSet(
      Map<String, String> into, StrataOption option, @Nullable String value) {
    if (value != null) {
      into.put(option.property(), value);
    }
  }

  /**
   * {@code higher}'s {@code strata.*} options laid over {@code lower}'s, each replacing the lower
   * value (a list too); a password and a password file are one option, so setting either replaces
   * both below it. Later entries win when the engine applies the map, so replaced keys move to the
   * end.
   */
  public static Map<String, String> overlay(Map<String, String> lower, Map<String, String> higher) {
    Map<String, String> merged = new LinkedHashMap<>(lower);
    for (Map.Entry<String, String> e : higher.entrySet()) {
      if (e.getKey().equals(StrataOption.PASSWORD.property())) {
        merged.remove(StrataOption.PASSWORD_FILE.property());
      } else if (e.getKey().equals(StrataOption.PASSWORD_FILE.property())) {
        merged.remove(StrataOption.PASSWORD.property());
      }
      merged.remove(e.getKey());
      merged.put(e.getKey(), e.getValue());
    }
    return merged;
  }

  /** {@code lockTimeout} → {@code STRATA_LOCK_TIMEOUT}. */
  public static String environmentName(String key) {
    return "STRATA_" + key.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT);
  }

  static List<String> splitList(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The password in {@code file}, without surrounding white space (a trailing line break). */
  public static String readPasswordFile(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot read the password file " + file + " (strata.passwordFile): " + e.getMessage(), e);
    }
  }

  private static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot read the configuration file " + file + " (strata.config): " + e, e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      String key = name.startsWith("strata.") ? name : "strata." + name;
      if (StrataOption.forKey(key.substring("strata.".length())) == null) {
        throw new ConfigurationException(
            file
                + ": unknown option "
                + name
                + "; known options: "
                + String.join(", ", StrataOption.keys()));
      }
      values.put(key, p.getProperty(name));
    }
    return values;
  }
}
