package dev.strata.spring.boot;

import dev.strata.core.StrataConfiguration;

/**
 * Adjusts the configuration of the auto-configured {@link dev.strata.core.Strata} after the {@code
 * strata.*} properties are applied, so what it sets wins over them. Every bean of this type is
 * called, in {@link org.springframework.core.annotation.Order @Order}, before the engine is loaded.
 *
 * <pre>{@code
 * @Bean
 * StrataConfigurationCustomizer registerDialect() {
 *   return builder -> builder.dialectProvider(new CockroachDialectProvider());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface StrataConfigurationCustomizer {
  /** Changes the builder; called once, on the thread creating the beans. */
  void customize(StrataConfiguration.Builder builder);
}
