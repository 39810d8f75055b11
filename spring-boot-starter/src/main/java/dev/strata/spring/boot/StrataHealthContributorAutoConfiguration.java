package dev.strata.spring.boot;

import dev.strata.core.Strata;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * The {@code strata} health contributor ({@link StrataHealthIndicator}, one per {@link Strata}
 * bean), when Spring Boot's health support is present and {@code management.health.strata.enabled}
 * is not {@code false}.
 */
@AutoConfiguration(after = StrataAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnEnabledHealthIndicator.class)
@ConditionalOnBean(Strata.class)
public final class StrataHealthContributorAutoConfiguration
    extends CompositeHealthContributorConfiguration<StrataHealthIndicator, Strata> {

  StrataHealthContributorAutoConfiguration(ObjectProvider<StrataProperties> properties) {
    super(
        strata -> {
          StrataProperties bound = properties.getIfAvailable();
          return new StrataHealthIndicator(strata, bound != null && bound.isValidateSchema());
        });
  }

  // On the method, not the class: a class's conditions are all loaded before any is evaluated, so
  // this one's condition class would be loaded even where @ConditionalOnClass rules it out.
  @Bean
  @ConditionalOnEnabledHealthIndicator("strata")
  @ConditionalOnMissingBean(name = {"strataHealthIndicator", "strataHealthContributor"})
  HealthContributor strataHealthContributor(ConfigurableListableBeanFactory beanFactory) {
    return createContributor(beanFactory, Strata.class);
  }
}
