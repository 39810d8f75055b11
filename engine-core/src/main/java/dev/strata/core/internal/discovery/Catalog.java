package dev.strata.core.internal.discovery;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationVersion;
import dev.strata.api.StrataEvent;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything the sources hold, for one dialect: the variant tagged for the dialect wins over the
 * untagged file, other dialects' files are left out, and duplicates or down scripts without an up
 * script are errors naming the files.
 */
public final class Catalog {
  private Catalog() {}

  /** One up/down pair key: version (or repeatable description) and direction. */
  private record Slot(
      @Nullable MigrationVersion version, @Nullable String repeatable, Direction direction) {
    static Slot of(MigrationResource r) {
      return new Slot(
          r.id().version(), r.id().version() == null ? r.id().description() : null, r.direction());
    }

    Slot up() {
      return new Slot(version, repeatable, Direction.UP);
    }

    // Written out, as in MigrationKey: a record's generated equals and hashCode bootstrap method
    // handles on first use, about 25 ms of a replica's first start in a fresh JVM.
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Slot s
          && Objects.equals(version, s.version)
          && Objects.equals(repeatable, s.repeatable)
          && direction == s.direction;
    }

    // A slot has a version or a repeatable's description, never both. Consecutive versions hash
    // consecutively, so the direction goes in the lowest bit: mixed in as 31 * h + the enum's
    // identity hash, a thousand versions shared a few hundred of HashMap's buckets.
    @Override
    public int hashCode() {
      return (Objects.hashCode(version) ^ Objects.hashCode(repeatable)) * 2 + direction.ordinal();
    }
  }

  /**
   * Chooses from what {@code scan} found, and pairs up and down scripts.
   *
   * @param dialect the connected dialect, for messages ({@code mysql})
   * @param dialectTags the file tags of the connected dialect
   * @param events receives the sources' warnings and the files the ignore option left out
   * @throws MigrationDiscoveryException when a location is written for other dialects only ({@link
   *     SourceListing#dialects()}), naming the file that says so
   */
  public static List<SourceMigration> discover(
      SourceScan scan,
      List<SourceMigration> javaMigrations,
      String dialect,
      Set<String> dialectTags,
      Consumer<StrataEvent> events) {
    Map<Slot, MigrationResource> chosen = new HashMap<>();
    List<Slot> order = new ArrayList<>();
    for (SourceListing listing : scan.listings()) {
      requireDialect(listing, dialect, dialectTags);
      listing.warnings().forEach(events);
      listing.ignored().forEach(origin -> events.accept(new StrataEvent.FileIgnored(origin)));
      for (MigrationResource r : listing.resources()) {
        if (r.dialectTag() != null && !dialectTags.contains(r.dialectTag())) {
          continue;
        }
        Slot slot = Slot.of(r);
        MigrationResource previous = chosen.get(slot);
        if (previous == null) {
          chosen.put(slot, r);
          order.add(slot);
        } else if (previous.dialectTag() == null && r.dialectTag() != null) {
          chosen.put(slot, r);
        } else if (!(previous.dialectTag() != null && r.dialectTag() == null)) {
          throw duplicate(previous, r);
        }
      }
    }
    List<SourceMigration> migrations = new ArrayList<>();
    for (Slot slot : order) {
      MigrationResource r = chosen.get(slot);
      if (slot.direction() == Direction.DOWN) {
        if (!chosen.containsKey(slot.up())) {
          throw new MigrationDiscoveryException(
              r.origin()
                  + " is a down script without an up script for version "
                  + slot.version()
                  + "; add the up script or remove the down script",
              List.of(r.origin()));
        }
        continue;
      }
      ScriptText.Checked script = scan.script(r);
      MigrationResource down =
          chosen.get(new Slot(slot.version(), slot.repeatable(), Direction.DOWN));
      migrations.add(new SourceMigration(r.id(), r, script.text(), script.checksum(), down));
    }
    for (SourceMigration java : javaMigrations) {
      Slot slot = Slot.of(java.up());
      MigrationResource previous = chosen.putIfAbsent(slot, java.up());
      if (previous != null) {
        throw duplicate(previous, java.up());
      }
      migrations.add(java);
    }
    return migrations;
  }

  /**
   * Refuses a location written for other dialects only: its scripts would otherwise be left out one
   * by one as another dialect's variants, and the database migrated with nothing, or they would
   * fail on SQL written for another database.
   */
  private static void requireDialect(SourceListing listing, String dialect, Set<String> tags) {
    SourceListing.DialectRequirement required = listing.dialects();
    if (required == null || !Collections.disjoint(required.dialectTags(), tags)) {
      return;
    }
    throw new MigrationDiscoveryException(
        required.origin()
            + " says "
            + required.statement()
            + ": its migrations are written for "
            + String.join(" or ", new TreeSet<>(required.dialectTags()))
            + ", but the connected database is a "
            + dialect
            + " database; connect to the database they are written for, or point the source"
            + " (strata.sources) at the migrations written for "
            + dialect,
        List.of(required.origin()));
  }

  private static MigrationDiscoveryException duplicate(MigrationResource a, MigrationResource b) {
    String what =
        a.id().version() == null
            ? "repeatable migration '" + a.id().description() + "'"
            : "version " + a.id().version();
    String direction = a.direction() == Direction.UP ? "up" : "down";
    return new MigrationDiscoveryException(
        "Found more than one "
            + direction
            + " script for "
            + what
            + ": "
            + a.origin()
            + " and "
            + b.origin()
            + "; give one of them a new version",
        List.of(a.origin(), b.origin()));
  }
}
