package dev.strata.spring.boot;

import dev.strata.api.StrataListener;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import dev.strata.core.StrataOption;
import dev.strata.spring.boot.internal.EventLog;
import dev.strata.spring.boot.internal.MigrationDatabase;
import dev.strata.spring.boot.internal.StartupCommandListener;
import dev.strata.spring.boot.internal.StrataSchemaManagementProvider;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Migrates the application's database at startup with Strata, or refuses to start on a schema
 * mismatch ({@code strata.mode}). Applies when there is a database to migrate (a DataSource bean or
 * {@code strata.url}) and {@code strata.enabled} is not {@code false}; backs off otherwise.
 *
 * <p>Beans: the {@link Strata} engine (unless the application defines one) and the {@link
 * StrataMigrationInitializer} that runs it, which Spring Boot's database-initialization ordering
 * puts before JPA, jOOQ, JdbcTemplate users and SQL init scripts.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@Conditional(StrataAutoConfiguration.DatabaseCondition.class)
@ConditionalOnBooleanProperty(name = "strata.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StrataProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class StrataAutoConfiguration {

  StrataAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  Strata strata(
      StrataProperties properties,
      ResourceLoader resourceLoader,
      @StrataDataSource ObjectProvider<DataSource> strataDataSource,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<StrataListener> listeners,
      ObjectProvider<StrataConfigurationCustomizer> customizers,
      ObjectProvider<BuildProperties> build,
      Environment environment) {
    ClassLoader classLoader = resourceLoader.getClassLoader();
    StrataConfiguration.Builder builder =
        Strata.configure()
            .classLoader(classLoader != null ? classLoader : Strata.class.getClassLoader())
            .sources(properties.getSources())
            .schema(StringUtils.hasText(properties.getSchema()) ? properties.getSchema() : null)
            .table(properties.getTable())
            .lockTimeout(properties.getLockTimeout())
            .ddlLockTimeout(properties.getDdlLockTimeout())
            .statementTimeout(properties.getStatementTimeout())
            .lintGate(properties.getLintGate())
            .lockMode(properties.getLockMode())
            .leaseTimeToLive(properties.getLeaseTimeToLive())
            .phase(properties.getPhase())
            .outOfOrder(properties.isOutOfOrder())
            .ignore(properties.getIgnore())
            .dialect(StringUtils.hasText(properties.getDialect()) ? properties.getDialect() : null)
            .release(release(properties, build.getIfAvailable(), environment))
            .listener(new EventLog());
    if (StringUtils.hasText(properties.getTarget())) {
      builder.properties(Map.of(StrataOption.TARGET.property(), properties.getTarget().strip()));
    }
    MigrationDatabase.configure(builder, properties, strataDataSource.getIfAvailable(), dataSource);
    listeners.orderedStream().forEach(builder::listener);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.load();
  }

  /**
   * {@code strata.release}, else the application's version: the build info's ({@code
   * META-INF/build-info.properties}), else {@code spring.application.version} (the main class's
   * Implementation-Version); {@code null} when none is known.
   */
  private static @Nullable String release(
      StrataProperties properties, @Nullable BuildProperties build, Environment environment) {
    if (StringUtils.hasText(properties.getRelease())) {
      return properties.getRelease();
    }
    if (build != null && StringUtils.hasText(build.getVersion())) {
      return build.getVersion();
    }
    String version = environment.getProperty("spring.application.version");
    return StringUtils.hasText(version) ? version : null;
  }

  @Bean
  @ConditionalOnMissingBean
  StrataMigrationInitializer strataMigrationInitializer(
      Strata strata,
      StrataProperties properties,
      ObjectProvider<StrataMigrationStrategy> migrationStrategy,
      ObjectProvider<StartupCommandListener> startupListeners) {
    return new StrataMigrationInitializer(
        strata,
        properties.getMode(),
        migrationStrategy.getIfAvailable(),
        properties.isValidateSchema(),
        startupListeners.orderedStream().toList());
  }

  /** Migrations run at startup even when {@code spring.main.lazy-initialization} is set. */
  @Bean
  static LazyInitializationExcludeFilter strataLazyInitializationExcludeFilter() {
    return LazyInitializationExcludeFilter.forBeanTypes(StrataMigrationInitializer.class);
  }

  @Bean
  SchemaManagementProvider strataSchemaManagementProvider(ObjectProvider<Strata> engines) {
    return new StrataSchemaManagementProvider(engines);
  }

  /** A DataSource bean, or a URL of Strata's own. */
  static final class DatabaseCondition extends AnyNestedCondition {
    DatabaseCondition() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    private static final class DataSourceBean {}

    @ConditionalOnProperty("strata.url")
    private static final class StrataUrl {}
  }
}
