package dev.strata.source.tools.internal.prisma;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.source.tools.internal.LocalFolder;
import dev.strata.source.tools.internal.MigrationFolders;
import dev.strata.source.tools.internal.TextOrder;
import dev.strata.source.tools.internal.ToolListing;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    List<MigrationLock> locks = new ArrayList<>(1);
    List<MigrationFolders.Folder> folders =
        MigrationFolders.of(
            found,
            listing,
            "Prisma",
            UP,
            DOWN,
            Set.of(),
            "prisma migrate deploy stops on it (Failed to read migration script)",
            file -> {
              if (file.name().equals(MigrationLock.FILE)) {
                locks.add(MigrationLock.read(folder.readWhileListing(file), file.origin()));
              } else if (ToolListing.isSql(file.name())) {
                listing.refuse(
                    file, "is beside the migration folders, and Prisma runs only their " + UP);
              }
            });
    MigrationLock lock = locks.isEmpty() ? null : locks.get(0);
    boolean autocommit = lock != null && lock.autocommit();
    List<TextOrder.Named> versions = new ArrayList<>();
    for (MigrationFolders.Folder f : folders) {
      String versionText = f.versionText();
      if (versionText.isEmpty() || !versionText.chars().allMatch(c -> c >= '0' && c <= '9')) {
        listing.refuse(
            f.dir(),
            "is a folder whose name does not start with digits before its first '_'"
                + " (prisma migrate writes <YYYYMMDDHHmmss>_<name>): Prisma runs it, but Strata"
                + " needs a numeric version");
        continue;
      }
      MigrationId id = new MigrationId(MigrationVersion.parse(versionText), f.description());
      versions.add(new TextOrder.Named(id.version(), versionText, f.dir().origin()));
      listing.add(resource(id, Direction.UP, autocommit, f.up()));
      if (f.down() != null) {
        listing.add(resource(id, Direction.DOWN, autocommit, f.down()));
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
