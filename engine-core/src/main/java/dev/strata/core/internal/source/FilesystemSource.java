package dev.strata.core.internal.source;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.StrataEvent;
import dev.strata.spi.MigrationFileName;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The migration scripts in one directory tree. Files that follow no naming convention are reported
 * and ignored (an error under strict naming); hidden files are skipped silently.
 */
final class FilesystemSource implements MigrationSource {
  private final String location;
  private final Path root;
  private final SourceSettings settings;

  FilesystemSource(String location, Path root, SourceSettings settings) {
    this.location = location;
    this.root = root;
    this.settings = settings;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public SourceListing list() {
    if (!Files.isDirectory(root)) {
      throw new MigrationDiscoveryException(
          "The migration location "
              + location
              + (Files.exists(root) ? " is not a directory" : " does not exist")
              + " (resolved to "
              + root.toAbsolutePath().normalize()
              + "); check --source (strata.sources)",
          List.of(location));
    }
    List<Path> files;
    // Links are followed (a location may be one, as may a ConfigMap's files); anything under a
    // hidden directory is skipped, which also skips a ConfigMap's ..data and ..<timestamp> copies.
    try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
      files =
          walk.filter(f -> !isHidden(root.relativize(f)))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new MigrationDiscoveryException(
          "Cannot list " + location + ": " + e.getMessage(), List.of(location), e);
    }
    List<MigrationResource> resources = new ArrayList<>();
    List<StrataEvent.Warning> warnings = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String origin = file.toString();
      MigrationFileName.Parsed parsed = MigrationFileName.parse(name);
      if (parsed == null) {
        String reason = origin + " " + MigrationFileName.whyUnrecognized(name);
        if (settings.strictNaming()) {
          throw new MigrationDiscoveryException(
              reason + "; rename it, or move it out of " + location, List.of(origin));
        }
        warnings.add(new StrataEvent.Warning(origin, reason + "; it is ignored"));
        continue;
      }
      resources.add(
          new MigrationResource(
              parsed.id(),
              parsed.direction(),
              parsed.dialectTag(),
              parsed.autocommit(),
              origin,
              () -> Files.readAllBytes(file)));
    }
    return new SourceListing(resources, warnings);
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
