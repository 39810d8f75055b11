package dev.strata.spring.boot;

import dev.strata.api.MigrationId;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaDifference;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link dev.strata.core.Strata#diff()} found, as the health details and the {@code strata}
 * endpoint show it with {@code strata.validate-schema=true}.
 *
 * @param drift whether the live schema differs from what the applied migrations make
 * @param shadow where the expected schema was built, in words
 * @param differences every difference, each object once
 * @param pending the migrations not applied yet, which the comparison leaves out
 * @param notCompared what either side could not inspect
 */
public record SchemaDriftReport(
    boolean drift,
    String shadow,
    List<Difference> differences,
    List<String> pending,
    List<String> notCompared) {

  static SchemaDriftReport of(SchemaDiff diff) {
    return new SchemaDriftReport(
        diff.hasDrift(),
        diff.shadow(),
        diff.differences().stream().map(Difference::of).toList(),
        diff.pending().stream().map(MigrationId::toString).toList(),
        diff.notCompared());
  }

  /**
   * One difference.
   *
   * @param kind {@code missing}, {@code unexpected} or {@code changed}
   * @param object the object in words: {@code index orders.hand_made}
   * @param expected its definition as the migrations make it, {@code null} when unexpected
   * @param actual its definition in the live schema, {@code null} when missing
   */
  public record Difference(
      String kind, String object, @Nullable String expected, @Nullable String actual) {
    static Difference of(SchemaDifference d) {
      return new Difference(d.kind().label(), d.object(), d.expected(), d.actual());
    }
  }
}
