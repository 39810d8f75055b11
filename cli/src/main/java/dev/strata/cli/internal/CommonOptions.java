package dev.strata.cli.internal;

import dev.strata.core.StrataOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options every command takes, made from the option table {@link StrataOption} (flag, value
 * label, environment variable, default, meaning) and shown in a section of their own; {@code
 * --log-format}, the CLI's own, joins them. The target is not one of them: only the commands that
 * apply or plan take it. Each value is absent unless given on the command line, so that only
 * explicitly given options override system properties, the environment and the config file.
 */
final class CommonOptions {
  private static final String LOG_FORMAT = "--log-format";

  private final Map<StrataOption, String> given;

  CommonOptions(Map<StrataOption, String> given) {
    this.given = new EnumMap<>(StrataOption.class);
    this.given.putAll(given);
  }

  /** None given. */
  CommonOptions() {
    this(Map.of());
  }

  /** Adds the common options to {@code command}, in table order. */
  static void addTo(CommandSpec command) {
    ArgGroupSpec.Builder group =
        ArgGroupSpec.builder()
            .heading("%nOptions of every command:%n")
            .validate(false)
            .exclusive(false);
    for (StrataOption option : StrataOption.values()) {
      if (option != StrataOption.TARGET) {
        group.addArg(optionSpec(option));
      }
    }
    group.addArg(
        OptionSpec.builder(LOG_FORMAT)
            .paramLabel("text|json")
            .type(Format.class)
            .description(
                "json: every line on stdout and stderr is one JSON object ("
                    + EnvironmentDefaults.LOG_FORMAT.environmentName()
                    + "). Default: text")
            .build());
    command.addArgGroup(group.build());
  }

  /** The common options {@code command}'s command line gave. */
  static CommonOptions of(CommandSpec command) {
    Map<StrataOption, String> given = new EnumMap<>(StrataOption.class);
    for (StrataOption option : StrataOption.values()) {
      OptionSpec spec = option == StrataOption.TARGET ? null : command.findOption(option.flag());
      Object value = spec == null ? null : spec.getValue();
      if (value instanceof List<?> list) {
        given.put(option, String.join(",", list.stream().map(String::valueOf).toList()));
      } else if (value != null) {
        given.put(option, value.toString());
      }
    }
    return new CommonOptions(given);
  }

  /** The value of {@code option} as given on the command line, or {@code null}. */
  @Nullable String get(StrataOption option) {
    return given.get(option);
  }

  /** The {@code --config} file, or {@code null}. */
  @Nullable Path config() {
    String config = given.get(StrataOption.CONFIG);
    return config == null ? null : Path.of(config);
  }

  /** The options given on the command line, as {@code strata.*} properties, in table order. */
  Map<String, String> asProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    given.forEach(
        (option, value) -> {
          if (option != StrataOption.CONFIG) {
            p.put(option.property(), value);
          }
        });
    return p;
  }

  private static OptionSpec optionSpec(StrataOption option) {
    OptionSpec.Builder spec =
        OptionSpec.builder(option.flag())
            .paramLabel(option.valueLabel())
            .description(description(option));
    if (option.isList()) {
      spec.type(List.class).auxiliaryTypes(String.class).splitRegex(",");
    } else if (option.isBoolean()) {
      spec.type(Boolean.class).arity("0..1").fallbackValue("true");
    } else {
      spec.type(String.class);
    }
    return spec.build();
  }

  /** The help of one option: the table's meaning, its variable and its default. */
  private static String[] description(StrataOption option) {
    List<String> lines = new ArrayList<>();
    String meaning = option.description();
    StringBuilder first =
        new StringBuilder()
            .append(meaning.substring(0, 1).toUpperCase(Locale.ROOT))
            .append(meaning.substring(1))
            .append(" (")
            .append(option.environmentVariable())
            .append(").");
    if (option.isList()) {
      first.append(" Repeatable; replaces the list of lower layers.");
    }
    if (option == StrataOption.URL) {
      // The engine has no default database; the CLI's is a local file, to try it without a server.
      first.append(" Default (local H2 file):");
      lines.add(first.toString());
      lines.add(StrataLoader.DEFAULT_URL);
    } else {
      if (option.defaultValue() != null) {
        first.append(" Default: ").append(option.defaultValue());
      }
      lines.add(first.toString());
    }
    return lines.toArray(String[]::new);
  }
}
