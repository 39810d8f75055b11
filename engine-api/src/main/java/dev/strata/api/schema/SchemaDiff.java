package dev.strata.api.schema;

import dev.strata.api.MigrationId;
import java.util.List;

/**
 * What {@code diff} found: the live schema compared with the schema the applied migrations produce
 * in a shadow database. Pending migrations are not part of the comparison: they are listed instead
 * of being reported as drift.
 *
 * <pre>{@code
 * SchemaDiff diff = strata.diff();
 * if (diff.hasDrift()) {
 *   diff.differences().forEach(d -> log.warn(d.toString()));
 * }
 * }</pre>
 */
public final class SchemaDiff {
  private final SchemaModel expected;
  private final SchemaModel actual;
  private final List<SchemaDifference> differences;
  private final List<MigrationId> pending;
  private final String shadow;

  /**
   * @param expected the schema the applied migrations produce
   * @param actual the live schema
   * @param differences every difference, in the models' order, each object once
   * @param pending the migrations not applied to the live database, which the comparison leaves out
   * @param shadow where the expected schema was built, in words
   */
  public SchemaDiff(
      SchemaModel expected,
      SchemaModel actual,
      List<SchemaDifference> differences,
      List<MigrationId> pending,
      String shadow) {
    this.expected = expected;
    this.actual = actual;
    this.differences = List.copyOf(differences);
    this.pending = List.copyOf(pending);
    this.shadow = shadow;
  }

  /** Whether the live schema differs from what the migrations produce. */
  public boolean hasDrift() {
    return !differences.isEmpty();
  }

  public List<SchemaDifference> differences() {
    return differences;
  }

  /** The schema the applied migrations produce. */
  public SchemaModel expected() {
    return expected;
  }

  /** The live schema. */
  public SchemaModel actual() {
    return actual;
  }

  /** The migrations not yet applied to the live database; the comparison leaves them out. */
  public List<MigrationId> pending() {
    return pending;
  }

  /** Where the expected schema was built: {@code scratch database strata_shadow_4kq2m7}. */
  public String shadow() {
    return shadow;
  }

  /**
   * What could not be compared, on either side (see {@link SchemaModel#notInspected()}), each once:
   * those objects may differ without being reported.
   */
  public List<String> notCompared() {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(expected.notInspected());
    all.addAll(actual.notInspected());
    return List.copyOf(all);
  }

  @Override
  public String toString() {
    return differences.size()
        + " differences"
        + (pending.isEmpty() ? "" : ", " + pending.size() + " pending");
  }
}
