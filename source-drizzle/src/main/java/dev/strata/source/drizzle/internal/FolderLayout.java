package dev.strata.source.drizzle.internal;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * drizzle-kit 1.x's layout, read as drizzle-orm 1.x's {@code readMigrationFiles} reads it: every
 * folder holding a {@code migration.sql} is a migration, named {@code <YYYYMMDDHHmmss>_<name>}
 * (UTC) and ordered by name, its statements always split at {@code --> statement-breakpoint}. The
 * folder's {@code snapshot.json} is drizzle-kit's schema snapshot and is not needed to apply it; a
 * {@code down.sql} next to {@code migration.sql} (written by recent drizzle-kit betas) is the
 * migration's down script.
 */
final class FolderLayout {
  private static final Pattern FOLDER = Pattern.compile("([0-9]{14})(?:_(.*))?");
  private static final String UP = "migration.sql";
  private static final String DOWN = "down.sql";

  private final String location;
  private final Path root;
  private final Findings findings;

  FolderLayout(String location, Path root, SourceSettings settings) {
    this.location = location;
    this.root = root;
    this.findings = new Findings(location, root, settings);
  }

  SourceListing list() {
    for (Path child : DrizzleSource.children(root, location)) {
      String name = child.getFileName().toString();
      if (Files.isDirectory(child)) {
        folder(child, name);
      } else if (name.endsWith(".sql") && Files.isRegularFile(child)) {
        if (!findings.ignores(child)) {
          findings.unrecognized(
              child,
              "is not inside a migration folder (<YYYYMMDDHHmmss>_<name>/"
                  + UP
                  + "), so drizzle never runs it; move it into a migration folder (drizzle-kit"
                  + " generate --custom creates one), or out of "
                  + location);
        }
      } else if (Files.isRegularFile(child)) {
        findings.listed(child);
      }
    }
    if (findings.isEmpty()) {
      findings.warn(
          location,
          "The migration location "
              + location
              + " (resolved to "
              + root.toAbsolutePath().normalize()
              + ") holds no drizzle migrations: neither meta/_journal.json nor"
              + " <YYYYMMDDHHmmss>_<name>/migration.sql folders; check strata.sources");
    }
    return findings.listing();
  }

  private void folder(Path dir, String name) {
    Path up = dir.resolve(UP);
    if (!Files.isRegularFile(up)) {
      findings.warn(
          dir.toString(), dir + " holds no " + UP + ", so drizzle never runs it; it is ignored");
      return;
    }
    if (findings.ignores(up)) {
      return;
    }
    Matcher folder = FOLDER.matcher(name);
    if (!folder.matches()) {
      findings.unrecognized(
          up,
          "is in a folder whose name does not start with a 14-digit UTC timestamp (drizzle-kit"
              + " names them like 20250101120000_name), so it has no version; rename the folder,"
              + " or move it out of "
              + location);
      return;
    }
    MigrationId id =
        new MigrationId(
            MigrationVersion.parse(folder.group(1)),
            folder.group(2) == null ? "" : DrizzleSource.describe(folder.group(2)));
    findings.add(resource(id, Direction.UP, DrizzleSource.inside(up, root, location)));
    Path down = dir.resolve(DOWN);
    if (Files.isRegularFile(down)) {
      findings.add(resource(id, Direction.DOWN, DrizzleSource.inside(down, root, location)));
    }
  }

  private static MigrationResource resource(MigrationId id, Direction direction, Path file) {
    return new MigrationResource(
        id,
        direction,
        null,
        false,
        file.toString(),
        () -> Files.readAllBytes(file),
        BreakpointSplitter.INSTANCE);
  }
}
