package dev.strata.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.StrataOption;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Every engine option of {@link StrataOption} is an option of every command that runs against the
 * database, with the table's flag and value label, whose help names the environment variable and
 * the default, and whose value reaches the engine as the option's property.
 */
class OptionTableTest {
  private static final CommandLine STRATA = commandLine();

  private static CommandLine commandLine() {
    Console console =
        new Console(
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()),
            Format.TEXT,
            new SecretMask(),
            Clock.systemUTC());
    StrataLoader loader =
        new StrataLoader(console, new SecretMask(), Map.of(), new Properties(), new StopRequest());
    return Launcher.commandLine(
        console, loader, new EnvironmentDefaults(Map.of(), new Properties()));
  }

  private static Optional<Option> annotatedOption(Class<?> type, String flag) {
    return Arrays.stream(type.getDeclaredFields())
        .map(f -> f.getAnnotation(Option.class))
        .filter(o -> o != null && Arrays.asList(o.names()).contains(flag))
        .findFirst();
  }

  private static Map<String, String> given(String... args) {
    CommandSpec command = CommandSpec.create();
    CommonOptions.addTo(command);
    new CommandLine(command).parseArgs(args);
    return CommonOptions.of(command).asProperties();
  }

  @ParameterizedTest
  @EnumSource(value = StrataOption.class, names = "TARGET", mode = EnumSource.Mode.EXCLUDE)
  void everyEngineOptionIsAnOptionOfEveryCommandThatRunsAgainstTheDatabase(StrataOption option) {
    for (CommandLine command : STRATA.getSubcommands().values()) {
      OptionSpec cli = command.getCommandSpec().findOption(option.flag());
      assertThat(cli).as("strata " + command.getCommandName() + " " + option.flag()).isNotNull();
      String help = String.join(" ", cli.description());

      assertThat(cli.paramLabel()).isEqualTo(option.valueLabel());
      assertThat(help).contains("(" + option.environmentVariable() + ")");
      if (option.defaultValue() != null) {
        assertThat(help).contains("Default: " + option.defaultValue());
      }
    }
  }

  @Test
  void theHelpShowsTheEngineOptionsInTheirOwnSectionInTableOrder() {
    String help = STRATA.getSubcommands().get("status").getUsageMessage();
    String section = help.substring(help.indexOf("Options of every command:"));

    int previous = -1;
    for (StrataOption option : StrataOption.values()) {
      if (option != StrataOption.TARGET) {
        int at = section.indexOf(option.flag() + (option.isBoolean() ? "[=" : "="));
        assertThat(at).as(option.flag()).isGreaterThan(previous);
        previous = at;
      }
    }
    assertThat(section).contains("STRATA_LOG_FORMAT");
  }

  @ParameterizedTest
  @EnumSource(
      value = StrataOption.class,
      names = {"TARGET", "CONFIG"},
      mode = EnumSource.Mode.EXCLUDE)
  void aValueOnTheCommandLineReachesTheEngineAsTheOptionsProperty(StrataOption option) {
    String value = option.isBoolean() ? "true" : "/some-value";

    assertThat(given(option.flag(), value))
        .containsExactlyEntriesOf(Map.of(option.property(), value));
  }

  @Test
  void onlyGivenOptionsBecomeProperties() {
    assertThat(given()).isEmpty();
  }

  @Test
  void aListOptionRepeatedOrCommaSeparatedReachesTheEngineAsOneList() {
    assertThat(given("--source", "filesystem:a,filesystem:b", "--source", "classpath:c"))
        .containsEntry("strata.sources", "filesystem:a,filesystem:b,classpath:c");
  }

  @Test
  void aBooleanFlagAloneMeansTrue() {
    assertThat(given("--out-of-order")).containsEntry("strata.outOfOrder", "true");
    assertThat(given("--out-of-order", "false")).containsEntry("strata.outOfOrder", "false");
  }

  @Test
  void theConfigFileIsReadAsTheLowestLayerNotPassedOnAsAProperty() {
    CommandSpec command = CommandSpec.create();
    CommonOptions.addTo(command);
    new CommandLine(command).parseArgs("--config", "strata.properties");

    assertThat(CommonOptions.of(command).config()).hasToString("strata.properties");
    assertThat(CommonOptions.of(command).asProperties()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = StrataOption.class, names = "TARGET")
  void theTargetIsAnOptionOfTheCommandsThatApplyOrPlan(StrataOption option) {
    for (Class<?> command : List.of(MigrateCommand.class, PlanCommand.class)) {
      assertThat(annotatedOption(command, option.flag())).as(command.getSimpleName()).isPresent();
    }
  }
}
