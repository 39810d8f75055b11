package dev.strata.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@link javax.sql.DataSource} Strata migrates, when it is not the application's: a
 * DataSource bean carrying this qualifier wins over {@code strata.url} and over the application's
 * DataSource. Mark the application's own DataSource {@code @Primary} so that the rest of the
 * application keeps using it.
 *
 * <pre>{@code
 * @Bean
 * @StrataDataSource
 * DataSource migrationDataSource() {
 *   return DataSourceBuilder.create().url(ownerUrl).username("owner").password(secret).build();
 * }
 * }</pre>
 */
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.TYPE,
  ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface StrataDataSource {}
