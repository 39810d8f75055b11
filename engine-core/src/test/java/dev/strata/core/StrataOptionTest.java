package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The option table says what the builder does: each default, each key, each bad value. */
class StrataOptionTest {
  /** The configuration's value of every option that has one, by key. */
  static Map<String, Object> values(StrataConfiguration c) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("sources", c.sources());
    values.put("schema", String.valueOf(c.schema()));
    values.put("table", c.table());
    values.put("lockTimeout", c.lockTimeout());
    values.put("lockMode", c.lockMode());
    values.put("leaseTimeToLive", c.leaseTimeToLive());
    values.put("ddlLockTimeout", String.valueOf(c.ddlLockTimeout()));
    values.put("statementTimeout", String.valueOf(c.statementTimeout()));
    values.put("target", String.valueOf(c.target()));
    values.put("outOfOrder", c.outOfOrder());
    values.put("phase", String.valueOf(c.phase()));
    values.put("lintGate", String.valueOf(c.lintGate()));
    values.put("ignore", c.ignore());
    values.put("dialect", String.valueOf(c.dialect()));
    return values;
  }

  private static StrataConfiguration configured(Map<String, String> properties) {
    return Strata.configure()
        .url("jdbc:h2:mem:options")
        .properties(properties)
        .load()
        .configuration();
  }

  @Test
  void theDefaultOfEveryOptionIsTheBuildersDefault() {
    Map<String, Object> defaults = values(configured(Map.of()));
    for (StrataOption option : StrataOption.values()) {
      if (option.defaultValue() != null) {
        assertThat(values(configured(Map.of(option.property(), option.defaultValue()))))
            .as(option + " given its documented default " + option.defaultValue())
            .isEqualTo(defaults);
      }
    }
  }

  @Test
  void anOptionWithoutADefaultIsNoneWhenEmpty() {
    Map<String, Object> defaults = values(configured(Map.of()));
    for (StrataOption option : StrataOption.values()) {
      if (option.defaultValue() == null && defaults.containsKey(option.key())) {
        assertThat(values(configured(Map.of(option.property(), ""))))
            .as(option + " given an empty value")
            .isEqualTo(defaults);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StrataOption.class)
  void everyOptionHasItsPropertyEnvironmentVariableAndFlagSpelledOneWay(StrataOption option) {
    assertThat(option.property()).isEqualTo("strata." + option.key());
    assertThat(option.environmentVariable()).matches("STRATA_[A-Z_]+");
    assertThat(option.flag()).matches("--[a-z]+(-[a-z]+)*");
    assertThat(StrataOption.forKey(option.key())).isSameAs(option);
    assertThat(option.description()).isNotBlank().doesNotEndWith(".");
  }

  @Test
  void theEnvironmentReachesEveryOption() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (StrataOption option : StrataOption.values()) {
      environment.put(option.environmentVariable(), "x");
    }
    environment.remove(StrataOption.CONFIG.environmentVariable());
    assertThat(StrataProperties.load(null, environment, new Properties()).keySet())
        .containsExactlyInAnyOrderElementsOf(
            StrataOption.keys().stream()
                .filter(k -> !k.equals("config") && !k.equals("password"))
                .map(k -> "strata." + k)
                .toList());
  }

  @Test
  void aBadValueNamesThePropertyAndTheVariable() {
    assertThatThrownBy(() -> configured(Map.of("strata.lockTimeout", "soon")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Invalid value for strata.lockTimeout (STRATA_LOCK_TIMEOUT): 'soon' is not a duration;"
                + " write e.g. 500ms, 30s, 5m or 1h");
    assertThatThrownBy(() -> configured(Map.of("strata.outOfOrder", "yes")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'yes' is neither true nor false");
  }

  @Test
  void aPasswordAndAPasswordFileAreOneOption() {
    Map<String, String> lower = Map.of("strata.passwordFile", "/secret", "strata.url", "u");
    assertThat(StrataProperties.overlay(lower, Map.of("strata.password", "p")))
        .containsExactly(Map.entry("strata.url", "u"), Map.entry("strata.password", "p"));
    assertThat(
            List.copyOf(
                StrataProperties.overlay(
                        Map.of("strata.password", "p"), Map.of("strata.passwordFile", "/f"))
                    .keySet()))
        .containsExactly("strata.passwordFile");
  }
}
