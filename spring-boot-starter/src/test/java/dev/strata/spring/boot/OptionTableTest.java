package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import dev.strata.core.StrataOption;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every engine option of {@link StrataOption} is a {@code strata.*} property of the starter, with
 * the engine's default (as Spring Boot's FlywayPropertiesTests holds FlywayProperties to Flyway's
 * configuration). Spring's own property sources replace the config file, and the starter's
 * locations default to the classpath, as Spring Boot users expect.
 */
class OptionTableTest {
  private static final Set<StrataOption> STARTER_DEFAULTS_DIFFER = Set.of(StrataOption.SOURCES);

  private static Method getter(Class<?> type, String key) {
    String suffix = Character.toUpperCase(key.charAt(0)) + key.substring(1);
    for (String prefix : new String[] {"get", "is"}) {
      try {
        return type.getMethod(prefix + suffix);
      } catch (NoSuchMethodException e) {
        // try the next spelling
      }
    }
    throw new AssertionError(type.getSimpleName() + " has no property " + key);
  }

  @ParameterizedTest
  @EnumSource(value = StrataOption.class, names = "CONFIG", mode = EnumSource.Mode.EXCLUDE)
  void everyEngineOptionIsAStarterPropertyWithTheEnginesDefault(StrataOption option)
      throws Exception {
    Object starter = getter(StrataProperties.class, option.key()).invoke(new StrataProperties());
    StrataConfiguration engine =
        Strata.configure().url("jdbc:h2:mem:defaults").load().configuration();
    Method engineValue;
    try {
      engineValue = StrataConfiguration.class.getMethod(option.key());
    } catch (NoSuchMethodException credentials) {
      assertThat(starter).as(option + " has no default").isNull();
      return;
    }
    Object expected = engineValue.invoke(engine);
    if (STARTER_DEFAULTS_DIFFER.contains(option)) {
      assertThat(starter).isNotEqualTo(expected);
    } else {
      assertThat(Objects.toString(starter, null))
          .as(option.property())
          .isEqualTo(Objects.toString(expected, null));
    }
  }

  @ParameterizedTest
  @EnumSource(value = StrataOption.class, names = "CONFIG", mode = EnumSource.Mode.EXCLUDE)
  void everyEngineOptionIsInTheStartersMetadata(StrataOption option) throws Exception {
    String kebab = option.key().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    String metadata =
        new String(
            Objects.requireNonNull(
                    getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"),
                    "the configuration processor's metadata")
                .readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(metadata).contains("\"name\": \"strata." + kebab + "\"");
  }
}
