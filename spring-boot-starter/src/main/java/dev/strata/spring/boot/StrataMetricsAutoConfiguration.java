package dev.strata.spring.boot;

import dev.strata.core.Strata;
import dev.strata.spring.boot.internal.StrataMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Strata's Micrometer metrics, when Micrometer is present and the application has a {@link
 * MeterRegistry} (Spring Boot's metrics support, or a registry bean of its own): {@code
 * strata.migrate} (a timer of the startup command, tagged {@code mode}, {@code outcome} and {@code
 * exception}), {@code strata.migrations.applied} and {@code strata.migrations.failed} (counters of
 * this process's migrations). The counters follow the auto-configured {@link Strata} engine, whose
 * events they count; the timer follows the {@link StrataMigrationInitializer}.
 */
@AutoConfiguration(
    after = StrataAutoConfiguration.class,
    afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({Strata.class, MeterRegistry.class})
public final class StrataMetricsAutoConfiguration {

  StrataMetricsAutoConfiguration() {}

  // A StrataListener the engine bean picks up, a listener of the initializer's startup command,
  // and a MeterBinder Spring Boot binds to every registry.
  @Bean
  @ConditionalOnMissingBean
  StrataMetrics strataMetrics() {
    return new StrataMetrics();
  }
}
