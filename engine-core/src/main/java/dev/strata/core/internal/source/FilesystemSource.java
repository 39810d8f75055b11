package dev.strata.core.internal.source;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.StrataEvent;
import dev.strata.spi.MigrationFileName;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The migration scripts in one directory tree. Files that follow no naming convention are reported
 * and ignored (an error under strict naming); hidden files are skipped silently.
 *
 * <p>Symbolic links are followed while their target lies inside the location (a Kubernetes
 * ConfigMap's files link to {@code ..data/}, inside the mount); a link out of it, a link loop and a
 * dangling link are errors naming the link, so that no file outside the configured locations is
 * ever read.
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
    Path realRoot = realPath(root);
    List<StrataEvent.Warning> warnings = new ArrayList<>();
    List<Path> files = walk(realRoot, warnings);
    List<MigrationResource> resources = new ArrayList<>();
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
              () -> Files.readAllBytes(inside(file, realRoot))));
    }
    return new SourceListing(resources, warnings);
  }

  /** The regular files under the location, sorted; hidden files and directories left out. */
  private List<Path> walk(Path realRoot, List<StrataEvent.Warning> warnings) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              // Also skips a ConfigMap's ..data and ..<timestamp> directories.
              if (isHidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              requireInside(dir, realPath(dir), realRoot);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (isHidden(file)) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isSymbolicLink()) {
                throw dangling(file);
              }
              if (attrs.isRegularFile()) {
                requireInside(file, realPath(file), realRoot);
                files.add(file);
              } else if (!attrs.isDirectory()) {
                // Reading a named pipe would wait for a writer forever.
                warnings.add(
                    new StrataEvent.Warning(
                        file.toString(),
                        file
                            + " is not a regular file (a named pipe, socket or device), so it is"
                            + " never read; it is ignored"));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (isHidden(file)) {
                return FileVisitResult.CONTINUE;
              }
              throw unlistable(file, e);
            }
          });
    } catch (IOException e) {
      throw unlistable(root, e);
    }
    files.sort(null);
    return files;
  }

  /**
   * {@code file}'s real path, checked again when the file is read: the link may have changed since
   * it was listed.
   */
  private Path inside(Path file, Path realRoot) throws IOException {
    Path real = file.toRealPath();
    if (!real.startsWith(realRoot)) {
      throw new IOException(
          "it now links to " + real + ", outside the migration location " + location);
    }
    return real;
  }

  private void requireInside(Path path, Path real, Path realRoot) {
    if (real.startsWith(realRoot)) {
      return;
    }
    throw new MigrationDiscoveryException(
        path
            + " is a symbolic link to "
            + real
            + ", outside the migration location "
            + location
            + " (resolved to "
            + realRoot
            + "); Strata reads no file outside its locations. Add the target's directory as a"
            + " location of its own (--source, strata.sources), or copy the file in",
        List.of(path.toString()));
  }

  private MigrationDiscoveryException dangling(Path link) {
    String target;
    try {
      target = Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      target = "a file that cannot be read";
    }
    return new MigrationDiscoveryException(
        link
            + " is a symbolic link to "
            + target
            + ", which does not exist; restore the target, or remove the link from "
            + location,
        List.of(link.toString()));
  }

  private MigrationDiscoveryException unlistable(Path path, IOException e) {
    String why;
    if (e instanceof FileSystemLoopException) {
      why =
          " is a symbolic link to a directory that contains it (a loop); remove the link from "
              + location;
    } else if (e instanceof AccessDeniedException) {
      why =
          " cannot be read: permission denied; make it readable by the user running Strata, or"
              + " move it out of "
              + location;
    } else if (e instanceof NoSuchFileException) {
      why = " disappeared while it was listed; run again when nothing is changing " + location;
    } else {
      why = " cannot be listed: " + e.getMessage() + "; check " + location;
    }
    return new MigrationDiscoveryException(path + why, List.of(path.toString()), e);
  }

  private Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw unlistable(path, e);
    }
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
