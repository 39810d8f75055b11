package dev.strata.spring.boot.internal;

import dev.strata.spring.boot.StrataMigrationInitializer;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link StrataMigrationInitializer} beans initialize the database, so that
 * beans depending on database initialization (JPA, jOOQ, JdbcTemplate users, SQL init scripts,
 * {@code @DependsOnDatabaseInitialization} beans) are created after them. Registered in {@code
 * META-INF/spring.factories}.
 */
final class StrataMigrationInitializerDetector
    extends AbstractBeansOfTypeDatabaseInitializerDetector {
  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(StrataMigrationInitializer.class);
  }

  /** Before SQL init scripts (which come last), alongside Flyway and Liquibase. */
  @Override
  public int getOrder() {
    return 1;
  }
}
