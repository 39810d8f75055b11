package dev.strata.source.tools.internal.sqlx;

import dev.strata.source.tools.internal.LocalFolder;
import dev.strata.source.tools.internal.ToolListing;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A sqlx migrations folder, read as {@code sqlx::migrate!()} and {@code Migrator::new} read it: the
 * folder's own files (sqlx reads no subfolder) named by {@link SqlxFileName}'s rule, ordered by
 * version as a number. A file starting with {@code -- no-transaction} runs outside a transaction;
 * sqlx sends each file as one string, so the dialect's parser splits it.
 *
 * <p>Immutable and thread-safe; every {@link #list()} reads the folder afresh.
 */
public final class SqlxSource implements MigrationSource {
  /** What sqlx runs, for messages. */
  static final String CONVENTION =
      "<version>_<description>.sql, or <version>_<description>.up.sql with its .down.sql, directly"
          + " in the folder (the version a whole number)";

  /** sqlx's marker, tested with {@code sql.starts_with(...)} on the file's whole text. */
  private static final byte[] NO_TRANSACTION = "-- no-transaction".getBytes(StandardCharsets.UTF_8);

  private final String location;
  private final LocalFolder folder;
  private final SourceSettings settings;

  public SqlxSource(String location, Path root, SourceSettings settings) {
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
    ToolListing listing = new ToolListing(location, "sqlx", settings);
    listing.warn(found.warnings());
    for (LocalFolder.Entry file : found.files()) {
      SqlxFileName.Result name = SqlxFileName.parse(file.name());
      if (name == null) {
        continue; // sqlx skips every file not ending in .sql; so does Strata, quietly
      }
      if (file.depth() > 1) {
        listing.refuse(file, "is in a subfolder, and sqlx reads only the folder's own files");
      } else if (name instanceof SqlxFileName.Refused refused) {
        listing.refuse(file, refused.why());
      } else if (!listing.ignores(file)) {
        SqlxFileName.Parsed parsed = (SqlxFileName.Parsed) name;
        // The marker decides the transaction while listing, so the file is read once, here.
        byte[] bytes = folder.readWhileListing(file);
        listing.add(
            new MigrationResource(
                parsed.id(),
                parsed.direction(),
                null,
                noTransaction(bytes),
                file.origin(),
                () -> bytes));
      }
    }
    return listing.listing(CONVENTION, null);
  }

  /**
   * Whether the file opts out of sqlx's transaction: its first bytes are {@code -- no-transaction},
   * exactly (a byte-order mark or a space before it, and sqlx does not see it).
   */
  static boolean noTransaction(byte[] script) {
    if (script.length < NO_TRANSACTION.length) {
      return false;
    }
    for (int i = 0; i < NO_TRANSACTION.length; i++) {
      if (script[i] != NO_TRANSACTION[i]) {
        return false;
      }
    }
    return true;
  }
}
