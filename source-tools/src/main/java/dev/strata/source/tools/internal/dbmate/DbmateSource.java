package dev.strata.source.tools.internal.dbmate;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.source.tools.internal.LocalFolder;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dbmate migration folder, read as dbmate's {@code FindMigrations} reads it: the folder's own
 * files matching {@code ^(\d+).*\.sql$}, the leading digits being the version, applied in file-name
 * order. Each file is read while listing ({@link DbmateFile}); its up blocks are the up migration,
 * its down blocks the down migration, each left to the dialect's parser to split (dbmate sends a
 * block to the database as one multi-statement string).
 *
 * <p>A {@code .sql} file dbmate would not run (no leading digits, in a subfolder, without {@code --
 * migrate:up}, ...) is named in one error unless the {@code ignore} option leaves it out. Since
 * Strata orders by version number and dbmate by file name, names whose two orders differ ({@code
 * 9_a.sql}, {@code 10_b.sql}) are an error too, as are two files with one version.
 *
 * <p>Immutable and thread-safe; every {@link #list()} reads the folder afresh.
 */
public final class DbmateSource implements MigrationSource {
  private static final Pattern FILE = Pattern.compile("^(\\d+)(.*)\\.sql$");

  private final LocalFolder folder;
  private final SourceSettings settings;

  public DbmateSource(String location, Path root, SourceSettings settings) {
    this.folder = new LocalFolder(location, root);
    this.settings = settings;
  }

  @Override
  public String location() {
    return folder.location();
  }

  @Override
  public SourceListing list() {
    LocalFolder.Listing listing = folder.list(LocalFolder.WHOLE_TREE);
    List<MigrationResource> resources = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    MigrationVersion previous = null;
    String previousOrigin = null;
    // listing.files() is sorted by path, so the folder's own files come in dbmate's order.
    for (LocalFolder.Entry file : listing.files()) {
      String name = file.name();
      if (!name.endsWith(".sql")) {
        continue;
      }
      if (settings.ignores(file.below())) {
        ignored.add(file.origin());
        continue;
      }
      if (file.depth() > 1) {
        problems.add(
            file.origin() + " is in a subfolder; dbmate reads only the folder's own files");
        origins.add(file.origin());
        continue;
      }
      Matcher m = FILE.matcher(name);
      if (!m.matches()) {
        problems.add(
            file.origin()
                + " does not start with a digit (dbmate names migrations"
                + " <version>_<name>.sql, e.g. 20151129054053_create_users.sql)");
        origins.add(file.origin());
        continue;
      }
      MigrationVersion version = MigrationVersion.parse(m.group(1));
      if (previous != null && !version.isNewerThan(previous)) {
        String what =
            version.equals(previous)
                ? " both have version " + version + "; renumber one of them"
                : ": dbmate applies them in this order (it sorts file names as text), Strata by"
                    + " version number, which puts "
                    + file.origin()
                    + " first; rename them (zero-pad the versions) so both orders agree";
        throw new MigrationDiscoveryException(
            previousOrigin + " and " + file.origin() + what,
            List.of(previousOrigin, file.origin()));
      }
      previous = version;
      previousOrigin = file.origin();
      byte[] bytes = folder.readWhileListing(file);
      String text = utf8(bytes);
      MigrationId id = new MigrationId(version, describe(m.group(2)));
      if (text == null) {
        // Not UTF-8: the engine reports it with its line when it reads the content.
        resources.add(resource(id, Direction.UP, false, file, bytes));
        continue;
      }
      DbmateFile parsed;
      try {
        parsed = DbmateFile.parse(text);
      } catch (DbmateFile.Refused e) {
        problems.add(file.origin() + ":" + e.line + " " + e.getMessage());
        origins.add(file.origin());
        continue;
      }
      resources.add(
          resource(
              id,
              Direction.UP,
              parsed.upAutocommit(),
              file,
              parsed.up().getBytes(StandardCharsets.UTF_8)));
      resources.add(
          resource(
              id,
              Direction.DOWN,
              parsed.downAutocommit(),
              file,
              parsed.down().getBytes(StandardCharsets.UTF_8)));
    }
    if (!problems.isEmpty()) {
      throw new MigrationDiscoveryException(
          location()
              + " holds files dbmate would not run as migrations:\n  - "
              + String.join("\n  - ", problems)
              + "\nFix or rename them, or leave them out with the ignore option (e.g."
              + " ignore=seeds/**)",
          origins);
    }
    return new SourceListing(resources, listing.warnings(), ignored);
  }

  private static MigrationResource resource(
      MigrationId id,
      Direction direction,
      boolean autocommit,
      LocalFolder.Entry file,
      byte[] bytes) {
    // No splitter: the dialect's parser splits the block, as the database splits dbmate's string.
    return new MigrationResource(id, direction, null, autocommit, file.origin(), () -> bytes);
  }

  private static String describe(String rest) {
    String s = rest.startsWith("_") ? rest.substring(1) : rest;
    return s.replace('_', ' ').strip();
  }

  private static String utf8(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
