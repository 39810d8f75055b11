package dev.strata.core.internal.discovery;

import dev.strata.api.Direction;
import dev.strata.api.JavaMigration;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.MigrationResource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns {@link JavaMigration} instances into migrations the planner knows. */
public final class JavaMigrations {
  private static final Pattern CLASS_NAME = Pattern.compile("V([0-9]+(?:_[0-9]+)*)__(\\w*)");

  private JavaMigrations() {}

  public static List<SourceMigration> resolve(List<JavaMigration> migrations) {
    List<SourceMigration> resolved = new ArrayList<>();
    for (JavaMigration m : migrations) {
      String origin = m.getClass().getName();
      MigrationId id = id(m, origin);
      MigrationResource up =
          new MigrationResource(
              id, Direction.UP, null, !m.transactional(), origin, () -> new byte[0]);
      MigrationResource down =
          m.reversible()
              ? new MigrationResource(
                  id, Direction.DOWN, null, !m.transactional(), origin, () -> new byte[0])
              : null;
      resolved.add(new SourceMigration(id, up, "", m.checksum(), down, m));
    }
    return resolved;
  }

  private static MigrationId id(JavaMigration m, String origin) {
    Matcher name = CLASS_NAME.matcher(m.getClass().getSimpleName());
    String version = m.version() != null ? m.version() : name.matches() ? name.group(1) : null;
    if (version == null || !MigrationVersion.isVersion(version)) {
      throw new MigrationDiscoveryException(
          "The Java migration "
              + origin
              + " has no usable version"
              + (version == null ? "" : " ('" + version + "')")
              + ": name the class like V3__Backfill_emails, or return the version from version()",
          List.of(origin));
    }
    String description =
        m.description() != null
            ? m.description()
            : name.matches()
                ? name.group(2).replace('_', ' ').strip()
                : m.getClass().getSimpleName();
    return new MigrationId(MigrationVersion.parse(version), description);
  }
}
