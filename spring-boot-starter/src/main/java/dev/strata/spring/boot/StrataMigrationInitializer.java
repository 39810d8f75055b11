package dev.strata.spring.boot;

import dev.strata.core.Strata;
import dev.strata.spring.boot.internal.StartupCommandListener;
import dev.strata.spring.boot.internal.StartupCommands;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs Strata's startup work when the bean is initialized: the {@link StrataMigrationStrategy} if
 * one is given, otherwise what the {@link StrataProperties.Mode mode} selects. Spring Boot's
 * database-initialization ordering makes every bean that depends on database initialization (JPA,
 * jOOQ, JdbcTemplate, SQL init scripts, {@code @DependsOnDatabaseInitialization} beans) wait for
 * it; a failure stops the application. With {@code strata.validate-schema=true} the schema is then
 * compared with what the migrations make, and drift stops the application too.
 */
public final class StrataMigrationInitializer implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(StrataMigrationInitializer.class);

  private final Strata strata;
  private final StrataProperties.Mode mode;
  private final @Nullable StrataMigrationStrategy strategy;
  private final List<StartupCommandListener> listeners;
  private final boolean validateSchema;

  /**
   * @param strata the engine
   * @param mode what to run when no strategy is given; {@link StrataProperties.Mode#NONE} runs
   *     nothing, not even the strategy
   * @param strategy replaces what the mode selects, or {@code null}
   */
  public StrataMigrationInitializer(
      Strata strata, StrataProperties.Mode mode, @Nullable StrataMigrationStrategy strategy) {
    this(strata, mode, strategy, false, List.of());
  }

  /**
   * As above, checking the schema after the startup command when {@code validateSchema} ({@code
   * strata.validate-schema}), and telling {@code listeners} (the metrics) how it all went.
   */
  StrataMigrationInitializer(
      Strata strata,
      StrataProperties.Mode mode,
      @Nullable StrataMigrationStrategy strategy,
      boolean validateSchema,
      List<StartupCommandListener> listeners) {
    this.strata = Objects.requireNonNull(strata);
    this.mode = Objects.requireNonNull(mode);
    this.strategy = strategy;
    this.listeners = List.copyOf(listeners);
    this.validateSchema = validateSchema;
  }

  @Override
  public void afterPropertiesSet() {
    if (mode == StrataProperties.Mode.NONE) {
      log.info("Strata: strata.mode=none, not migrating or validating at startup");
      return;
    }
    StrataMigrationStrategy run = strategy != null ? strategy : defaultStrategy(mode);
    String name = strategy != null ? "custom" : mode.name().toLowerCase(Locale.ROOT);
    long start = System.nanoTime();
    try {
      run.migrate(strata);
      if (validateSchema) {
        StartupCommands.validateSchema(strata);
      }
    } catch (RuntimeException | Error e) {
      try {
        finished(name, start, e);
      } catch (RuntimeException listenerFailure) {
        e.addSuppressed(listenerFailure);
      }
      throw e;
    }
    finished(name, start, null);
  }

  private void finished(String name, long start, @Nullable Throwable failure) {
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    listeners.forEach(listener -> listener.finished(name, duration, failure));
  }

  private static StrataMigrationStrategy defaultStrategy(StrataProperties.Mode mode) {
    return mode == StrataProperties.Mode.VALIDATE
        ? StrataMigrationStrategy.validate()
        : StrataMigrationStrategy.migrateAndValidate();
  }

  /** The engine this initializer runs. */
  public Strata strata() {
    return strata;
  }
}
