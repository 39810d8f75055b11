package dev.strata.spring.boot.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spring.boot.StrataAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hibernate starts after the migrations, on the schema they made, and leaves it alone. */
class JpaOrderingTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  HibernateJpaAutoConfiguration.class,
                  StrataAutoConfiguration.class))
          .withUserConfiguration(Entities.class)
          .withPropertyValues("spring.datasource.generate-unique-name=true");

  @Test
  void hibernateValidatesTheSchemaTheMigrationsMade() {
    runner
        .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(PeopleAtStartup.class).emails())
                  .containsExactly("ada@example.org");
            });
  }

  @Test
  void hibernateLeavesAMigratedEmbeddedDatabaseAlone() {
    // Without Strata reporting the schema as managed, Hibernate's default on an embedded database
    // would be create-drop: it would drop the migrated table and create an empty one.
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(PeopleAtStartup.class).emails())
              .containsExactly("ada@example.org");
        });
  }

  @Test
  void aSchemaMismatchStopsTheApplicationBeforeHibernateStarts() {
    runner
        .withPropertyValues("strata.mode=validate", "spring.jpa.hibernate.ddl-auto=validate")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageStartingWith("Schema mismatch");
            });
  }

  /** What the application read through JPA when it started. */
  record PeopleAtStartup(List<String> emails) {}

  @Configuration(proxyBeanMethods = false)
  @EntityScan(basePackageClasses = Person.class)
  static class Entities {
    @Bean
    PeopleAtStartup peopleAtStartup(EntityManagerFactory emf) {
      var em = emf.createEntityManager();
      try {
        return new PeopleAtStartup(
            em.createQuery("select p from Person p", Person.class).getResultList().stream()
                .map(Person::email)
                .toList());
      } finally {
        em.close();
      }
    }
  }
}
