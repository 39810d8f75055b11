package dev.strata.core.internal.adopt;

import dev.strata.api.MigrationVersion;
import dev.strata.api.StrataEvent;
import dev.strata.core.internal.plan.SourceMigration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What another tool's history says, matched with the sources.
 *
 * @param applied the sources the tool applied, to be recorded as baselined
 * @param leftPending sources older than the newest applied one that the tool never applied but
 *     would still apply itself: they stay pending, and the engine says so
 * @param skipsOlder whether the tool never applies a source older than the newest one it applied
 *     (drizzle), so that every version up to it counts as baselined, as a plain {@code baseline}
 */
public record Adoption(
    List<SourceMigration> applied, List<SourceMigration> leftPending, boolean skipsOlder) {
  public Adoption {
    applied = List.copyOf(applied);
    leftPending = List.copyOf(leftPending);
  }

  /** The adoption of a tool that never applies a source older than the newest it applied. */
  static Adoption skippingOlder(List<SourceMigration> applied) {
    return new Adoption(applied, List.of(), true);
  }

  /**
   * The adoption of a tool that applies every source it has not applied, older ones too: those
   * older than the newest applied version stay pending.
   */
  static Adoption applyingMissing(List<SourceMigration> applied, List<SourceMigration> sources) {
    return new Adoption(applied, unapplied(applied, sources), false);
  }

  /** One warning per migration left pending, saying how it will be applied. */
  public List<StrataEvent.Warning> warnings(
      String tool, MigrationVersion newest, boolean outOfOrder) {
    return leftPending.stream()
        .map(
            m ->
                new StrataEvent.Warning(
                    m.up().origin(),
                    m.id()
                        + " ("
                        + m.up().origin()
                        + ") is older than "
                        + newest
                        + ", the newest migration "
                        + tool
                        + " applied, but "
                        + tool
                        + " never applied it, so it stays pending: "
                        + (outOfOrder
                            ? "`migrate` applies it, out of order"
                            : tool
                                + " would apply it next; apply it with `migrate` and"
                                + " strata.outOfOrder=true, or renumber it above "
                                + newest)))
        .toList();
  }

  /** The versioned sources by version. */
  static Map<MigrationVersion, SourceMigration> byVersion(List<SourceMigration> sources) {
    Map<MigrationVersion, SourceMigration> byVersion = new HashMap<>();
    for (SourceMigration s : sources) {
      if (s.id().version() != null) {
        byVersion.putIfAbsent(s.id().version(), s);
      }
    }
    return byVersion;
  }

  /** The newest version among {@code migrations}, or {@code null}. */
  static @Nullable MigrationVersion newest(List<SourceMigration> migrations) {
    return migrations.stream()
        .map(m -> m.id().version())
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /** The versioned sources not in {@code applied} and older than its newest version. */
  static List<SourceMigration> unapplied(
      List<SourceMigration> applied, List<SourceMigration> sources) {
    MigrationVersion newest = newest(applied);
    if (newest == null) {
      return List.of();
    }
    Set<MigrationVersion> done =
        applied.stream()
            .map(m -> m.id().version())
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    return sources.stream()
        .filter(s -> s.id().version() != null)
        .filter(s -> newest.isNewerThan(s.id().version()) && !done.contains(s.id().version()))
        .sorted(Comparator.comparing(s -> s.id().version()))
        .toList();
  }
}
