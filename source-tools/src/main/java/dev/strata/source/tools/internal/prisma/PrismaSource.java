package dev.strata.source.tools.internal.prisma;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.source.tools.internal.LocalFolder;
import dev.strata.source.tools.internal.TextOrder;
import dev.strata.source.tools.internal.ToolListing;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Prisma Migrate folder, read as {@code prisma migrate deploy} reads it ({@code listMigrations}
 * in {@code @prisma/migrate}, then the schema engine's {@code apply_migrations}): every folder in
 * it is a migration whose {@code migration.sql} is sent to the database as one script, folders
 * sorted by name; {@code migration_lock.toml}'s provider must be the connected database's ({@link
 * MigrationLock}). The folder's name up to its first {@code _} is the version Strata orders by, and
 * the location is refused where that order is not Prisma's. A {@code down.sql} beside {@code
 * migration.sql} (Prisma's documented way of keeping a down migration, which {@code prisma db
 * execute} runs) is the migration's down script.
 *
 * <p>Immutable and thread-safe; every {@link #list()} reads the folder afresh.
 */
public final class PrismaSource implements MigrationSource {
  static final String CONVENTION =
      "<timestamp>_<name>/migration.sql, one folder per migration (a down.sql beside it is its"
          + " down migration), and migration_lock.toml";
  private static final String UP = "migration.sql";
  private static final String DOWN = "down.sql";

  private final String location;
  private final LocalFolder folder;
  private final SourceSettings settings;

  public PrismaSource(String location, Path root, SourceSettings settings) {
    this.location = location;
    this.folder = new LocalFolder(location, root);
    this.settings = settings;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public SourceListing list() {
    LocalFolder.Listing found = folder.list(LocalFolder.WHOLE_TREE);
    ToolListing listing = new ToolListing(location, "Prisma", settings);
    listing.warn(found.warnings());
    Set<String> ignoredFolders = new HashSet<>();
    for (LocalFolder.Entry dir : found.folders()) {
      if (dir.depth() == 1 && listing.ignores(dir)) {
        ignoredFolders.add(dir.name());
      }
    }
    MigrationLock lock = null;
    Map<String, Map<String, LocalFolder.Entry>> filesByFolder = new HashMap<>();
    // Folders with a .sql file the ignore option named (ignore=drafts/**): left out, not refused.
    Set<String> withIgnoredFiles = new HashSet<>();
    for (LocalFolder.Entry file : found.files()) {
      int slash = file.below().indexOf('/');
      if (slash < 0) {
        if (file.name().equals(MigrationLock.FILE)) {
          lock = MigrationLock.read(folder.readWhileListing(file), file.origin());
        } else if (ToolListing.isSql(file.name())) {
          listing.refuse(file, "is beside the migration folders, and Prisma runs only their " + UP);
        }
        continue;
      }
      String migration = file.below().substring(0, slash);
      if (ignoredFolders.contains(migration)) {
        continue;
      }
      if (file.depth() == 2 && (file.name().equals(UP) || file.name().equals(DOWN))) {
        filesByFolder.computeIfAbsent(migration, m -> new HashMap<>()).put(file.name(), file);
      } else if (ToolListing.isSql(file.name())
          && listing.refuse(
              file,
              "is not " + migration + "/" + UP + " or " + DOWN + ", so Prisma never runs it")) {
        withIgnoredFiles.add(migration);
      }
    }
    boolean autocommit = lock != null && lock.autocommit();
    List<TextOrder.Named> versions = new ArrayList<>();
    for (LocalFolder.Entry dir : found.folders()) {
      if (dir.depth() != 1 || ignoredFolders.contains(dir.name())) {
        continue;
      }
      Map<String, LocalFolder.Entry> files = filesByFolder.getOrDefault(dir.name(), Map.of());
      LocalFolder.Entry up = files.get(UP);
      if (up != null && listing.ignores(up)) {
        continue;
      }
      if (up == null) {
        if (withIgnoredFiles.contains(dir.name())) {
          continue;
        }
        listing.refuse(
            dir,
            "is a folder without "
                + UP
                + ", so prisma migrate deploy stops on it (Failed to read migration script)");
        continue;
      }
      String name = dir.name();
      int underscore = name.indexOf('_');
      String versionText = underscore < 0 ? name : name.substring(0, underscore);
      if (versionText.isEmpty() || !versionText.chars().allMatch(c -> c >= '0' && c <= '9')) {
        listing.refuse(
            dir,
            "is a folder whose name does not start with digits before its first '_'"
                + " (prisma migrate writes <YYYYMMDDHHmmss>_<name>): Prisma runs it, but Strata"
                + " needs a numeric version");
        continue;
      }
      MigrationId id =
          new MigrationId(
              MigrationVersion.parse(versionText),
              underscore < 0 ? "" : name.substring(underscore + 1).replace('_', ' '));
      versions.add(new TextOrder.Named(id.version(), versionText, dir.origin()));
      listing.add(resource(id, Direction.UP, autocommit, up));
      LocalFolder.Entry down = files.get(DOWN);
      if (down != null && !listing.ignores(down)) {
        listing.add(resource(id, Direction.DOWN, autocommit, down));
      }
    }
    // Prisma sorts names with localeCompare: '_' and the name's end sort before every digit, so
    // for versions of digits that is the versions' own character order.
    TextOrder.require(versions, "Prisma", "by folder name, character by character");
    return listing.listing(CONVENTION, requirement(lock));
  }

  private static SourceListing.@Nullable DialectRequirement requirement(
      @Nullable MigrationLock lock) {
    return lock == null ? null : lock.requirement();
  }

  private MigrationResource resource(
      MigrationId id, Direction direction, boolean autocommit, LocalFolder.Entry file) {
    return new MigrationResource(
        id, direction, null, autocommit, file.origin(), () -> folder.read(file));
  }
}
