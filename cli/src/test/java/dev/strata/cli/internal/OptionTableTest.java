package dev.strata.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.StrataOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Every engine option of {@link StrataOption} is a command-line option with the table's flag, whose
 * help names the environment variable and the default, and whose value reaches the engine as the
 * option's property.
 */
class OptionTableTest {
  private static Optional<Option> cliOption(Class<?> type, String flag) {
    return Arrays.stream(type.getDeclaredFields())
        .map(f -> f.getAnnotation(Option.class))
        .filter(o -> o != null && Arrays.asList(o.names()).contains(flag))
        .findFirst();
  }

  @ParameterizedTest
  @EnumSource(value = StrataOption.class, names = "TARGET", mode = EnumSource.Mode.EXCLUDE)
  void everyEngineOptionIsAnOptionOfEveryCommand(StrataOption option) {
    Option cli = cliOption(CommonOptions.class, option.flag()).orElseThrow();
    String help = String.join(" ", cli.description());

    assertThat(help).contains("(" + option.environmentVariable());
    if (option.defaultValue() != null) {
      assertThat(help).contains("Default: " + option.defaultValue());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = StrataOption.class,
      names = {"TARGET", "CONFIG"},
      mode = EnumSource.Mode.EXCLUDE)
  void aValueOnTheCommandLineReachesTheEngineAsTheOptionsProperty(StrataOption option)
      throws Exception {
    CommonOptions options = new CommonOptions();
    String value = option == StrataOption.OUT_OF_ORDER ? "true" : "/some-value";
    new CommandLine(options).parseArgs(option.flag(), value);

    assertThat(options.asProperties()).containsEntry(option.property(), value);
  }

  @ParameterizedTest
  @EnumSource(value = StrataOption.class, names = "TARGET")
  void theTargetIsAnOptionOfTheCommandsThatApplyOrPlan(StrataOption option) {
    for (Class<?> command : List.of(MigrateCommand.class, PlanCommand.class)) {
      assertThat(cliOption(command, option.flag())).as(command.getSimpleName()).isPresent();
    }
  }
}
