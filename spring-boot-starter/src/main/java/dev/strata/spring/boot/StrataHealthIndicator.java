package dev.strata.spring.boot;

import dev.strata.api.ValidateResult;
import dev.strata.api.ValidationProblem;
import dev.strata.core.Strata;
import dev.strata.core.Vocabulary;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code UP} when the database matches the migrations; {@code DOWN}, listing every problem, when
 * anything is pending, edited, missing or failed. Each check runs {@link Strata#validate(boolean)}:
 * one history query, no lock. With {@code strata.validate-schema=true} a check that finds history
 * in order then runs {@link Strata#diff()} too, showing it as the {@code schema} detail, and is
 * {@code DOWN} on drift; that builds the expected schema in a scratch database each time, so cache
 * the health response ({@code management.endpoint.health.cache.time-to-live}) when it is polled
 * often.
 */
public final class StrataHealthIndicator extends AbstractHealthIndicator {
  private final Strata strata;
  private final boolean validateSchema;

  public StrataHealthIndicator(Strata strata) {
    this(strata, false);
  }

  /** As above, comparing the schema with what the migrations make when {@code validateSchema}. */
  StrataHealthIndicator(Strata strata, boolean validateSchema) {
    super("Strata health check failed");
    this.strata = strata;
    this.validateSchema = validateSchema;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    ValidateResult result = strata.validate(true);
    builder
        .withDetail("database", strata.configuration().displayUrl())
        .withDetail("sources", strata.configuration().sources());
    if (!result.isValid()) {
      builder.down().withDetail("problems", result.problems().stream().map(Problem::of).toList());
    } else if (validateSchema) {
      SchemaDriftReport schema = SchemaDriftReport.of(strata.diff());
      (schema.drift() ? builder.down() : builder.up()).withDetail("schema", schema);
    } else {
      builder.up();
    }
  }

  /**
   * One problem, as the health details show it.
   *
   * @param kind {@code pending}, {@code edited}, {@code missing}, {@code failed}, ...
   * @param version the migration's version, {@code null} for a repeatable one
   * @param description the migration's description
   * @param message what differs and what to do
   */
  public record Problem(String kind, @Nullable String version, String description, String message) {
    static Problem of(ValidationProblem p) {
      return new Problem(
          p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          p.version() == null ? null : p.version().toString(),
          p.description(),
          Vocabulary.SPRING_BOOT.render(p.message()));
    }
  }
}
