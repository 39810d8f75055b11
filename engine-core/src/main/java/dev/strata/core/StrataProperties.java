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
  /** Every option, by its property name without the {@code strata.} prefix. */
  public static final List<String> KEYS =
      List.of(
          "url",
          "user",
          "password",
          "passwordFile",
          "sources",
          "schema",
          "table",
          "lockTimeout",
          "lockMode",
          "leaseTimeToLive",
          "ddlLockTimeout",
          "statementTimeout",
          "target",
          "outOfOrder",
          "phase",
          "lintGate",
          "ignore",
          "dialect",
          "config");

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
    for (String key : KEYS) {
      put(merged, key, environment.get(environmentName(key)));
    }
    for (String key : KEYS) {
      put(merged, key, system.getProperty("strata." + key));
    }
    return merged;
  }

  /** A password and a password file are one option: setting either replaces both below it. */
  private static void put(Map<String, String> merged, String key, @Nullable String value) {
    if (value == null) {
      return;
    }
    if (key.equals("password")) {
      merged.remove("strata.passwordFile");
    } else if (key.equals("passwordFile")) {
      merged.remove("strata.password");
    }
    merged.put("strata." + key, value);
  }

  /** {@code lockTimeout} → {@code STRATA_LOCK_TIMEOUT}. */
  public static String environmentName(String key) {
    return "STRATA_" + key.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT);
  }

  static List<String> splitList(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static String readPasswordFile(String file) {
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
          "Cannot read the configuration file " + file + " (--config, STRATA_CONFIG): " + e, e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      String key = name.startsWith("strata.") ? name : "strata." + name;
      if (!KEYS.contains(key.substring("strata.".length()))) {
        throw new ConfigurationException(
            file + ": unknown option " + name + "; known options: " + String.join(", ", KEYS));
      }
      values.put(key, p.getProperty(name));
    }
    return values;
  }
}
