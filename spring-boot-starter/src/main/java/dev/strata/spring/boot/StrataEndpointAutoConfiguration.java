package dev.strata.spring.boot;

import dev.strata.core.Strata;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The {@code strata} actuator endpoint ({@link StrataEndpoint}), when Actuator is present, the
 * endpoint is available ({@code management.endpoints.web.exposure.include=strata}) and a {@link
 * Strata} bean exists.
 */
@AutoConfiguration(after = StrataAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
public final class StrataEndpointAutoConfiguration {

  StrataEndpointAutoConfiguration() {}

  // On the method, not the class: a class's conditions are all loaded before any is evaluated, so
  // this one's condition class would be loaded even where @ConditionalOnClass rules Actuator out.
  @Bean
  @ConditionalOnAvailableEndpoint
  @ConditionalOnBean(Strata.class)
  @ConditionalOnMissingBean
  StrataEndpoint strataEndpoint(
      ApplicationContext context, ObjectProvider<StrataProperties> properties) {
    StrataProperties bound = properties.getIfAvailable();
    return new StrataEndpoint(context, bound != null && bound.isValidateSchema());
  }
}
