package dev.strata.spring.boot.internal;

import dev.strata.api.ConfigurationException;
import dev.strata.core.StrataConfiguration;
import dev.strata.spring.boot.StrataProperties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the database Strata migrates: a {@code @StrataDataSource} bean, else {@code strata.url},
 * else the application's DataSource (reached as {@code strata.user} when that is set).
 */
public final class MigrationDatabase {
  private MigrationDatabase() {}

  /**
   * Points {@code builder} at the database to migrate.
   *
   * @param qualified the {@code @StrataDataSource} bean, or {@code null}
   * @param dataSources the application's DataSources, looked at only when neither the qualified one
   *     nor {@code strata.url} is given
   */
  public static void configure(
      StrataConfiguration.Builder builder,
      StrataProperties properties,
      @Nullable DataSource qualified,
      ObjectProvider<DataSource> dataSources) {
    if (qualified != null) {
      builder.dataSource(qualified);
      return;
    }
    if (StringUtils.hasText(properties.getUrl())) {
      builder
          .url(properties.getUrl())
          .user(properties.getUser())
          .password(properties.resolvePassword());
      return;
    }
    DataSource application = dataSources.getIfUnique();
    if (application == null) {
      long count = dataSources.stream().count();
      throw new ConfigurationException(
          count == 0
              ? "Strata has no database to migrate: define a DataSource (spring.datasource.url) or"
                  + " set strata.url"
              : "Strata cannot choose among the application's "
                  + count
                  + " DataSources:"
                  + " mark the one to migrate with @StrataDataSource or @Primary, or set strata.url");
    }
    if (StringUtils.hasText(properties.getUser())) {
      // The application's database, reached as another user (such as the schema owner).
      builder.dataSource(
          DataSourceBuilder.derivedFrom(application)
              .type(SimpleDriverDataSource.class)
              .username(properties.getUser())
              .password(properties.resolvePassword())
              .build());
      return;
    }
    builder.dataSource(application);
  }
}
