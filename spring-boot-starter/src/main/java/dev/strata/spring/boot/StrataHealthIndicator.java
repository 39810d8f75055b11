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
 * one history query, no lock.
 */
public final class StrataHealthIndicator extends AbstractHealthIndicator {
  private final Strata strata;

  public StrataHealthIndicator(Strata strata) {
    super("Strata health check failed");
    this.strata = strata;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    ValidateResult result = strata.validate(true);
    builder
        .withDetail("database", strata.configuration().displayUrl())
        .withDetail("sources", strata.configuration().sources());
    if (result.isValid()) {
      builder.up();
    } else {
      builder.down().withDetail("problems", result.problems().stream().map(Problem::of).toList());
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
