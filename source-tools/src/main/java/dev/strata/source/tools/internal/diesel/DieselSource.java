package dev.strata.source.tools.internal.diesel;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
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
    Set<String> ignoredFolders = new HashSet<>();
    for (LocalFolder.Entry dir : found.folders()) {
      if (dir.depth() == 1 && listing.ignores(dir)) {
        ignoredFolders.add(dir.name());
      }
    }
    Map<String, Map<String, LocalFolder.Entry>> filesByFolder = new HashMap<>();
    // Folders with a .sql file the ignore option named (ignore=drafts/**): left out, not refused.
    Set<String> withIgnoredFiles = new HashSet<>();
    for (LocalFolder.Entry file : found.files()) {
      int slash = file.below().indexOf('/');
      if (slash >= 0 && ignoredFolders.contains(file.below().substring(0, slash))) {
        continue;
      }
      if (slash < 0) {
        if (ToolListing.isSql(file.name())) {
          listing.refuse(file, "is beside the migration folders, and Diesel runs only their files");
        }
        continue;
      }
      String migration = file.below().substring(0, slash);
      if (file.depth() == 2
          && (file.name().equals(UP)
              || file.name().equals(DOWN)
              || file.name().equals(DieselMetadata.FILE))) {
        filesByFolder.computeIfAbsent(migration, m -> new HashMap<>()).put(file.name(), file);
      } else if (ToolListing.isSql(file.name())
          && listing.refuse(
              file,
              "is not " + migration + "/" + UP + " or " + DOWN + ", so Diesel never runs it")) {
        withIgnoredFiles.add(migration);
      }
    }
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
            "is a folder without " + UP + ", so Diesel stops on it (Unknown migration format)");
        continue;
      }
      String name = dir.name();
      int underscore = name.indexOf('_');
      String versionText = (underscore < 0 ? name : name.substring(0, underscore)).replace("-", "");
      if (versionText.isEmpty() || !versionText.chars().allMatch(c -> c >= '0' && c <= '9')) {
        listing.refuse(
            dir,
            "is a folder whose version (its name up to the first '_', '-' removed) is '"
                + versionText
                + "': Diesel runs it, but Strata's versions are numbers");
        continue;
      }
      MigrationId id =
          new MigrationId(
              MigrationVersion.parse(versionText),
              underscore < 0 ? "" : name.substring(underscore + 1).replace('_', ' '));
      versions.add(new TextOrder.Named(id.version(), versionText, dir.origin()));
      LocalFolder.Entry metadata = files.get(DieselMetadata.FILE);
      boolean autocommit =
          metadata != null
              && !DieselMetadata.runInTransaction(
                  folder.readWhileListing(metadata), metadata.origin());
      listing.add(resource(id, Direction.UP, autocommit, up));
      LocalFolder.Entry down = files.get(DOWN);
      if (down != null && !listing.ignores(down)) {
        listing.add(resource(id, Direction.DOWN, autocommit, down));
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
