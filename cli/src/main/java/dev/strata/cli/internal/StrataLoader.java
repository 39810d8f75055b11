package dev.strata.cli.internal;

import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import dev.strata.core.StrataOption;
import dev.strata.core.StrataProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Builds the engine from the four layers of configuration, highest first: the command line, system
 * properties, {@code STRATA_*} environment variables, the config file. Without any URL it uses a
 * local H2 file database, so that a newcomer can try Strata without a server.
 */
final class StrataLoader {
  /** The database used when no layer names one. */
  static final String DEFAULT_URL = "jdbc:h2:file:./strata-db/strata;AUTO_SERVER=TRUE";

  private static final String URL = StrataOption.URL.property();
  private static final String PASSWORD = StrataOption.PASSWORD.property();
  private static final String PASSWORD_FILE = StrataOption.PASSWORD_FILE.property();

  private final Console console;
  private final SecretMask mask;
  private final Map<String, String> environment;
  private final Properties system;
  private final StopRequest stop;
  private boolean announcedDefault;

  StrataLoader(
      Console console,
      SecretMask mask,
      Map<String, String> environment,
      Properties system,
      StopRequest stop) {
    this.console = console;
    this.mask = mask;
    this.environment = environment;
    this.system = system;
    this.stop = stop;
  }

  StopRequest stopRequest() {
    return stop;
  }

  /**
   * The process environment, for options that default from other variables (JOB_COMPLETION_INDEX).
   */
  Map<String, String> environment() {
    return environment;
  }

  /**
   * The engine for one command.
   *
   * @param commandProperties {@code strata.*} options of the command itself (such as {@code
   *     strata.target}), which override every layer
   */
  Strata load(CommonOptions options, Map<String, String> commandProperties) {
    return load(options, commandProperties, console, List.of());
  }

  /**
   * The engine for one command, or for one schema of {@code migrate --schemas}.
   *
   * @param progress where the engine's events are printed
   * @param listeners further listeners (the heartbeat)
   */
  Strata load(
      CommonOptions options,
      Map<String, String> commandProperties,
      Console progress,
      List<StrataListener> listeners) {
    stop.check("connecting to the database");
    Map<String, String> given = new LinkedHashMap<>(options.asProperties());
    given.putAll(commandProperties);
    Map<String, String> merged =
        StrataProperties.overlay(
            StrataProperties.load(options.config(), environment, system), given);
    maskPasswords(merged);
    String url = merged.get(URL);
    if (url == null || url.isBlank()) {
      merged.put(URL, DEFAULT_URL);
      announceDefault();
    }
    AtomicReference<@Nullable Strata> self = new AtomicReference<>();
    StrataConfiguration.Builder builder =
        Strata.configure()
            .properties(merged)
            .listener(new EventPrinter(progress))
            // Strata.cancel() stops only what runs under the lock; a stop requested while the
            // command was still reading sources and history takes effect once it has the lock.
            .listener(
                event -> {
                  if (event instanceof StrataEvent.LockAcquired && stop.requested()) {
                    Strata strata = self.get();
                    if (strata != null) {
                      strata.cancel();
                    }
                  }
                });
    listeners.forEach(builder::listener);
    Strata strata = builder.load();
    self.set(strata);
    return stop.register(strata);
  }

  private synchronized void announceDefault() {
    if (!announcedDefault) {
      announcedDefault = true;
      console.info(
          "default_database",
          "No --url given (nor STRATA_URL, -Dstrata.url or a --config file's url): using the local H2 database "
              + DEFAULT_URL,
          Fields.of("url", DEFAULT_URL));
    }
  }

  private void maskPasswords(Map<String, String> merged) {
    mask.add(merged.get(PASSWORD));
    String file = merged.get(PASSWORD_FILE);
    if (file != null) {
      try {
        mask.add(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
      } catch (IOException | RuntimeException e) {
        // The engine reads the file too and reports the failure, naming the option.
      }
    }
  }

  /** Passwords that may be printed before any configuration is read (usage errors). */
  static List<String> earlySecrets(
      String[] args, Map<String, String> environment, Properties system) {
    List<String> secrets = new ArrayList<>(CommandLineScan.values(args, "--password"));
    secrets.add(environment.getOrDefault(StrataProperties.environmentName("password"), ""));
    secrets.add(system.getProperty(PASSWORD, ""));
    return secrets;
  }
}
