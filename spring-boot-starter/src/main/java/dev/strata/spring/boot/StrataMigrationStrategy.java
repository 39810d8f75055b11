package dev.strata.spring.boot;

import dev.strata.core.Strata;
import dev.strata.spring.boot.internal.StartupCommands;

/**
 * What runs at startup, in place of what {@code strata.mode} selects: a bean of this type replaces
 * the default behaviour (unless {@code strata.mode=none}, which runs nothing). It runs before any
 * bean that depends on database initialization is created; throwing stops the application.
 *
 * <pre>{@code
 * @Bean
 * @Profile("replica")
 * StrataMigrationStrategy validateOnly() {
 *   return StrataMigrationStrategy.validate();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface StrataMigrationStrategy {
  /** Runs Strata's startup work on the configured engine. */
  void migrate(Strata strata);

  /**
   * What {@code strata.mode=migrate} does: applies what is pending, then fails when sources and
   * history still disagree.
   */
  static StrataMigrationStrategy migrateAndValidate() {
    return StartupCommands::migrateAndValidate;
  }

  /**
   * What {@code strata.mode=validate} does: changes nothing and throws a {@link
   * dev.strata.api.ValidationException} ("schema mismatch") listing every migration that is
   * pending, edited, missing or failed.
   */
  static StrataMigrationStrategy validate() {
    return StartupCommands::validate;
  }
}
