package dev.strata.cli.internal;

import dev.strata.core.StrataOption;
import dev.strata.core.StrataProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The environment form of the CLI's own options, so that a container is configured by environment
 * variables alone: an option not given on the command line takes the system property {@code
 * strata.<name>}, else the variable {@code STRATA_<NAME>} ({@code --wait-for-database} → {@code
 * strata.waitForDatabase}, {@code STRATA_WAIT_FOR_DATABASE}). The engine's options ({@code --url},
 * {@code --source}, ...) are layered by {@link StrataProperties} instead, and {@code --log-format}
 * is read before parsing ({@link CommandLineScan}). What a command acts on ({@code down --steps},
 * {@code baseline --version}, {@code repair --confirm}) is deliberately command-line only: a
 * variable left in an environment must never revert or rewrite history. Immutable and thread-safe.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  /** One option's environment form; {@code command} is {@code null} for every command's option. */
  record Entry(@Nullable String command, String option, String key) {
    String environmentName() {
      return StrataProperties.environmentName(key);
    }
  }

  /** The CLI-only options that have an environment form. */
  static final List<Entry> ENTRIES =
      List.of(
          new Entry(null, "--wait-for-database", "waitForDatabase"),
          new Entry(null, "--heartbeat", "heartbeat"),
          // dump-schema's --output names a file, not a format: a STRATA_OUTPUT=json left in the
          // environment must not become a file named json.
          new Entry("dump-schema", "--output", "schemaFile"),
          new Entry("dump-schema", "--check", "schemaCheck"),
          new Entry(null, "--shadow-url", "shadowUrl"),
          new Entry(null, "--output", "output"),
          new Entry("status", "--exit-code", "exitCode"),
          new Entry("validate", "--require-up-to-date", "requireUpToDate"),
          new Entry("validate", "--check-schema", "checkSchema"),
          new Entry("migrate", "--schemas", "schemas"),
          new Entry("migrate", "--schemas-file", "schemasFile"),
          new Entry("migrate", "--parallel", "parallel"),
          new Entry("migrate", "--shard", "shard"),
          new Entry("await", "--timeout", "awaitTimeout"),
          new Entry("await", "--interval", "awaitInterval"),
          new Entry("lint", "--fail-on", "failOn"));

  /** Read before parsing, so that even a usage error is printed in the right format. */
  static final Entry LOG_FORMAT = new Entry(null, "--log-format", "logFormat");

  private final Map<String, String> environment;
  private final Properties system;

  EnvironmentDefaults(Map<String, String> environment, Properties system) {
    this.environment = environment;
    this.system = system;
  }

  /** Every {@code STRATA_*} variable the CLI reads, the engine's included, sorted. */
  static List<String> environmentNames() {
    List<String> names = new ArrayList<>();
    StrataOption.keys().forEach(k -> names.add(StrataProperties.environmentName(k)));
    Stream.concat(ENTRIES.stream(), Stream.of(LOG_FORMAT))
        .forEach(e -> names.add(e.environmentName()));
    return names.stream().distinct().sorted().toList();
  }

  @Override
  public @Nullable String defaultValue(ArgSpec arg) {
    Entry entry = entry(arg);
    return entry == null ? null : value(entry);
  }

  /** The value of {@code entry} in the system properties, else the environment, or {@code null}. */
  @Nullable String value(Entry entry) {
    String property = system.getProperty("strata." + entry.key());
    return property != null ? property : environment.get(entry.environmentName());
  }

  /** Where the value of {@code arg} came from when the command line did not give it. */
  @Nullable String source(ArgSpec arg) {
    Entry entry = entry(arg);
    if (entry == null) {
      return null;
    }
    return system.getProperty("strata." + entry.key()) != null
        ? "-Dstrata." + entry.key()
        : environment.containsKey(entry.environmentName()) ? entry.environmentName() : null;
  }

  private static @Nullable Entry entry(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || arg.command() == null) {
      return null;
    }
    String command = arg.command().name();
    for (Entry e : ENTRIES) {
      if (e.option().equals(option.longestName())
          && (e.command() == null || e.command().equals(command))) {
        return e;
      }
    }
    return null;
  }
}
