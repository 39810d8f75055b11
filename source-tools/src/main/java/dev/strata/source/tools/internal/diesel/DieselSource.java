package dev.strata.source.tools.internal.diesel;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
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

/**
 * A Diesel migrations folder, read as {@code diesel_migrations}' {@code FileBasedMigrations} reads
 * it: every folder in it (hidden ones aside) is a migration and must hold an {@code up.sql} (Diesel
 * stops on one that does not); its version is the folder's name up to the first {@code _} with
 * every {@code -} removed ({@code 2024-01-31-120000_add_users} is {@code 20240131120000}), and
 * {@code down.sql} beside it reverts it. {@code metadata.toml} decides the transaction ({@link
 * DieselMetadata}). Diesel sends each file as one {@code batch_execute}, so the dialect's parser
 * splits it; Diesel refuses an empty file, and so does Strata when it reads one.
 *
 * <p>Immutable and thread-safe; every {@link #list()} reads the folder afresh.
 */
public final class DieselSource implements MigrationSource {
  static final String CONVENTION =
      "<version>_<name>/up.sql with its down.sql, one folder per migration (the version the"
          + " name up to the first '_', digits and '-' only)";
  private static final String UP = "up.sql";
  private static final String DOWN = "down.sql";

  private final String location;
  private final LocalFolder folder;
  private final SourceSettings settings;

  public DieselSource(String location, Path root, SourceSettings settings) {
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
    ToolListing listing = new ToolListing(location, "Diesel", settings);
    listing.warn(found.warnings());
    List<MigrationFolders.Folder> folders =
        MigrationFolders.of(
            found,
            listing,
            "Diesel",
            UP,
            DOWN,
            Set.of(DieselMetadata.FILE),
            "Diesel stops on it (Unknown migration format)",
            file -> {
              if (ToolListing.isSql(file.name())) {
                listing.refuse(
                    file, "is beside the migration folders, and Diesel runs only their files");
              }
            });
    List<TextOrder.Named> versions = new ArrayList<>();
    for (MigrationFolders.Folder f : folders) {
      String versionText = f.versionText().replace("-", "");
      if (versionText.isEmpty() || !versionText.chars().allMatch(c -> c >= '0' && c <= '9')) {
        listing.refuse(
            f.dir(),
            "is a folder whose version (its name up to the first '_', '-' removed) is '"
                + versionText
                + "': Diesel runs it, but Strata's versions are numbers");
        continue;
      }
      MigrationId id = new MigrationId(MigrationVersion.parse(versionText), f.description());
      versions.add(new TextOrder.Named(id.version(), versionText, f.dir().origin()));
      LocalFolder.Entry metadata = f.files().get(DieselMetadata.FILE);
      boolean autocommit =
          metadata != null
              && !DieselMetadata.runInTransaction(
                  folder.readWhileListing(metadata), metadata.origin());
      listing.add(resource(id, Direction.UP, autocommit, f.up()));
      if (f.down() != null) {
        listing.add(resource(id, Direction.DOWN, autocommit, f.down()));
      }
    }
    TextOrder.require(versions, "Diesel", "by their versions as text");
    return listing.listing(CONVENTION, null);
  }

  private MigrationResource resource(
      MigrationId id, Direction direction, boolean autocommit, LocalFolder.Entry file) {
    return new MigrationResource(
        id,
        direction,
        null,
        autocommit,
        file.origin(),
        () -> {
          byte[] bytes = folder.read(file);
          if (bytes.length == 0) {
            throw new MigrationDiscoveryException(
                file.origin()
                    + " is empty, and Diesel refuses to run an empty migration (\"Attempted to"
                    + " run an empty migration\"); write its SQL, or a comment if it has"
                    + " nothing to do",
                List.of(file.origin()));
          }
          return bytes;
        });
  }
}
