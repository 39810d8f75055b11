package dev.strata.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.StrataOption;
import dev.strata.core.StrataProperties;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class EnvironmentDefaultsTest {
  /** Options without a variable of their own, on purpose (docs/configuration.md). */
  static final Set<String> COMMAND_LINE_ONLY =
      Set.of(
          "--help",
          "--version",
          "--steps",
          "--to",
          "--last-run",
          "--to-release",
          "--confirm",
          "--down",
          "--target",
          "--from");

  /** The engine's options, which StrataProperties layers (STRATA_URL, ...), and --log-format. */
  static final Set<String> LAYERED_BY_THE_ENGINE =
      Stream.concat(
              Arrays.stream(StrataOption.values()).map(StrataOption::flag),
              Stream.of("--log-format"))
          .collect(Collectors.toSet());

  @Test
  void everyOptionOfEveryCommandHasAnEnvironmentFormOrIsCommandLineOnlyOnPurpose() {
    Console console =
        new Console(
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()),
            Format.TEXT,
            new SecretMask(),
            Clock.systemUTC());
    EnvironmentDefaults defaults = new EnvironmentDefaults(Map.of(), new Properties());
    StrataLoader loader =
        new StrataLoader(console, new SecretMask(), Map.of(), new Properties(), new StopRequest());
    CommandLine cl = Launcher.commandLine(console, loader, defaults);

    for (CommandLine command : cl.getSubcommands().values()) {
      for (OptionSpec option : command.getCommandSpec().options()) {
        String name = option.longestName();
        boolean hasVariable =
            EnvironmentDefaults.ENTRIES.stream()
                .anyMatch(
                    e ->
                        e.option().equals(name)
                            && (e.command() == null
                                || e.command().equals(command.getCommandName())));
        assertThat(
                hasVariable
                    || COMMAND_LINE_ONLY.contains(name)
                    || LAYERED_BY_THE_ENGINE.contains(name))
            .as("strata " + command.getCommandName() + " " + name + " has no STRATA_* form")
            .isTrue();
      }
    }
  }

  @Test
  void theEnginesVariablesAndTheClisAreListedTogetherAndNamedAlike() {
    assertThat(EnvironmentDefaults.environmentNames())
        .contains(
            "STRATA_URL",
            "STRATA_PASSWORD_FILE",
            "STRATA_LOG_FORMAT",
            "STRATA_WAIT_FOR_DATABASE",
            "STRATA_HEARTBEAT",
            "STRATA_SCHEMAS_FILE",
            "STRATA_AWAIT_TIMEOUT")
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(StrataProperties.environmentName("waitForDatabase"))
        .isEqualTo("STRATA_WAIT_FOR_DATABASE");
  }

  @Test
  void aSystemPropertyWinsOverTheVariable() {
    Properties system = new Properties();
    system.setProperty("strata.heartbeat", "1s");
    EnvironmentDefaults defaults =
        new EnvironmentDefaults(Map.of("STRATA_HEARTBEAT", "9s"), system);
    EnvironmentDefaults.Entry heartbeat =
        EnvironmentDefaults.ENTRIES.stream()
            .filter(e -> e.option().equals("--heartbeat"))
            .findFirst()
            .orElseThrow();

    assertThat(defaults.value(heartbeat)).isEqualTo("1s");
    assertThat(
            new EnvironmentDefaults(Map.of("STRATA_HEARTBEAT", "9s"), new Properties())
                .value(heartbeat))
        .isEqualTo("9s");
  }
}
