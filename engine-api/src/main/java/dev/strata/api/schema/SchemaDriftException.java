package dev.strata.api.schema;

import dev.strata.api.StrataException;
import java.util.stream.Collectors;

/**
 * The live schema drifted from what the applied migrations make (an index added by hand, a column
 * type changed by a hotfix), and the caller refused to go on: the Spring Boot starter's {@code
 * strata.validate-schema=true} at startup. The message lists each {@link SchemaDifference} with
 * both definitions; {@link #diff()} holds them.
 */
public final class SchemaDriftException extends StrataException {
  private static final long serialVersionUID = 1L;
  private final transient SchemaDiff diff;

  /**
   * @param summary what drifted, ending in a colon; each difference follows on a line of its own
   * @param diff the comparison that found the drift
   */
  public SchemaDriftException(String summary, SchemaDiff diff) {
    super(
        summary
            + diff.differences().stream()
                .map(d -> "\n  - " + d.toString().replace("\n", "\n      "))
                .collect(Collectors.joining()),
        null);
    this.diff = diff;
  }

  /** The comparison: every difference, what was pending and what could not be compared. */
  public SchemaDiff diff() {
    return diff;
  }

  @Override
  public String code() {
    return "SCHEMA_DRIFT";
  }
}
