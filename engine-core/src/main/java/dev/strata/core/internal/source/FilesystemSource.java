package dev.strata.core.internal.source;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.StrataEvent;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import dev.strata.spi.support.MigrationFileName;
import dev.strata.spi.support.UnrecognizedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The migration scripts in one directory tree. A {@code .sql} file that follows no naming
 * convention is an error ({@link UnrecognizedFiles}: one error naming them all) unless the {@code
 * ignore} option leaves it out; other files and hidden files are skipped silently.
 *
 * <p>Symbolic links are followed while their target lies inside the location (a Kubernetes
 * ConfigMap's files link to {@code ..data/}, inside the mount); a link out of it, a link loop and a
 * dangling link are errors naming the link, so that no file outside the configured locations is
 * ever read.
 */
final class FilesystemSource implements MigrationSource {
  /** One set for every read: the varargs form builds a {@code HashSet} per file. */
  private static final Set<OpenOption> READ_WITHOUT_FOLLOWING_LINKS =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

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
              + "); check strata.sources",
          List.of(location));
    }
    Path realRoot = realPath(root);
    List<StrataEvent.Warning> warnings = new ArrayList<>();
    List<Listed> files = new ArrayList<>();
    walk(root, Files.isSymbolicLink(root), realRoot, files, warnings);
    // By the path's text below the location (all share the location's own): String comparison is
    // an intrinsic, Path comparison a byte loop.
    files.sort(Comparator.comparing(Listed::below));
    List<MigrationResource> resources = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    List<Listed> unnamed = new ArrayList<>();
    List<Listed> linked = new ArrayList<>();
    UnrecognizedFiles unrecognized = new UnrecognizedFiles(location, MigrationFileName.CONVENTIONS);
    String separator = root.getFileSystem().getSeparator();
    for (Listed file : files) {
      String origin = file.origin();
      String name = origin.substring(origin.lastIndexOf(separator) + 1);
      boolean sql = name.endsWith(".sql");
      if (sql && !settings.ignore().isEmpty() && settings.ignores(slashed(file.below()))) {
        ignored.add(origin);
        continue;
      }
      MigrationFileName.Parsed parsed = MigrationFileName.parse(name);
      if (parsed == null) {
        // Not a migration: a README or snapshot stays out quietly, but a .sql file that follows
        // no convention is an error, lest another tool's folder look like one with nothing to do.
        if (sql) {
          unnamed.add(file);
        } else {
          unrecognized.listed(slashed(file.below()));
        }
        continue;
      }
      if (file.throughLink()) {
        linked.add(file);
      }
      resources.add(
          new MigrationResource(
              parsed.id(),
              parsed.direction(),
              parsed.dialectTag(),
              parsed.autocommit(),
              origin,
              () -> read(file, realRoot)));
    }
    if (!unnamed.isEmpty()) {
      // A file that a migration's link points at runs through the link (shared/a.sql behind
      // V1__a.sql): only the others are refused.
      Set<Path> targets = new HashSet<>();
      linked.forEach(l -> targets.add(realPath(l.path())));
      for (Listed file : unnamed) {
        if (!targets.contains(realPath(file.path()))) {
          String name = file.path().getFileName().toString();
          unrecognized.add(
              file.origin(),
              slashed(file.below()),
              MigrationFileName.whyUnrecognized(name),
              () -> head(file, realRoot));
        }
      }
    }
    unrecognized.throwIfAny();
    return new SourceListing(resources, warnings, ignored);
  }

  /** A path below the location with {@code /} between folders and no leading one. */
  private String slashed(String below) {
    String separator = root.getFileSystem().getSeparator();
    String path = separator.equals("/") ? below : below.replace(separator, "/");
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /** The first bytes of {@code file}, for the markers of other tools' migrations. */
  private byte[] head(Listed file, Path realRoot) throws IOException {
    Path path = file.throughLink() ? inside(file.path(), realRoot) : file.path();
    try (InputStream in =
        file.throughLink()
            ? Files.newInputStream(path)
            : Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      return in.readNBytes(UnrecognizedFiles.HEAD_BYTES);
    }
  }

  /**
   * A file found by the walk: its size when listed, and whether it is reached through a link (its
   * real path is then checked again when it is read).
   */
  private record Listed(Path path, String origin, String below, long size, boolean throughLink) {}

  /**
   * Adds the regular files under {@code start} to {@code files}; hidden files and directories left
   * out.
   *
   * <p>The location itself is walked without following links, so that each entry costs one {@code
   * lstat} and nothing needs resolving unless it is a link (system calls are most of a start with
   * many migrations). A link is resolved and must lead inside the location; a link to a directory
   * is walked following links, each directory and linked file in it checked the same way, and a
   * loop found by the walker.
   */
  private void walk(
      Path start,
      boolean followLinks,
      Path realRoot,
      List<Listed> files,
      List<StrataEvent.Warning> warnings) {
    int rootLength = root.toString().length(); // every path found starts with the location's
    try {
      Files.walkFileTree(
          start,
          followLinks
              ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
              : EnumSet.noneOf(FileVisitOption.class),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.equals(start)) {
                return FileVisitResult.CONTINUE;
              }
              // Also skips a ConfigMap's ..data and ..<timestamp> directories.
              if (isHidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (followLinks) {
                requireInside(dir, realPath(dir), realRoot);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (isHidden(file)) {
                return FileVisitResult.CONTINUE;
              }
              if (!attrs.isSymbolicLink()) {
                boolean link = followLinks && Files.isSymbolicLink(file);
                if (link) {
                  requireInside(file, realPath(file), realRoot);
                }
                add(file, attrs, link);
              } else if (followLinks || !Files.exists(file)) {
                throw dangling(file); // a followed link that still shows as a link leads nowhere
              } else {
                Path real = realPath(file);
                requireInside(file, real, realRoot);
                BasicFileAttributes target = attributes(file);
                if (target.isDirectory()) {
                  if (realPath(file.getParent()).startsWith(real)) {
                    throw unlistable(file, new FileSystemLoopException(file.toString()));
                  }
                  walk(file, true, realRoot, files, warnings);
                } else {
                  add(file, target, true);
                }
              }
              return FileVisitResult.CONTINUE;
            }

            private void add(Path file, BasicFileAttributes attrs, boolean throughLink) {
              if (attrs.isRegularFile()) {
                String origin = file.toString();
                files.add(
                    new Listed(
                        file,
                        origin,
                        origin.substring(Math.min(rootLength, origin.length())),
                        attrs.size(),
                        throughLink));
              } else if (!attrs.isDirectory()) {
                // Reading a named pipe would wait for a writer forever.
                warnings.add(
                    new StrataEvent.Warning(
                        file.toString(),
                        file
                            + " is not a regular file (a named pipe, socket or device), so it is"
                            + " never read; it is ignored"));
              }
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
      throw unlistable(start, e);
    }
  }

  private BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw unlistable(file, e);
    }
  }

  /**
   * Reads {@code file}. A file reached through a link is resolved and checked again, since the link
   * may have changed since it was listed; any other file is opened without following links, so one
   * that became a link since is refused by the system ({@code ELOOP}) rather than followed, and
   * read into a buffer of its listed size (no {@code fstat}).
   */
  private byte[] read(Listed file, Path realRoot) throws IOException {
    if (file.throughLink()) {
      return Files.readAllBytes(inside(file.path(), realRoot));
    }
    try (SeekableByteChannel channel =
        Files.newByteChannel(file.path(), READ_WITHOUT_FOLLOWING_LINKS)) {
      if (file.size() > Integer.MAX_VALUE - 8) {
        throw new MigrationDiscoveryException(
            file.path()
                + " is larger than 2 GB, more than one migration can hold; split it into several"
                + " migrations",
            List.of(file.path().toString()));
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) file.size());
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // reads until full, or until the file turns out shorter
      }
      if (buffer.hasRemaining()) {
        return Arrays.copyOf(buffer.array(), buffer.position());
      }
      ByteBuffer probe = ByteBuffer.allocate(1);
      if (channel.read(probe) < 0) {
        return buffer.array();
      }
      // It grew since it was listed: take the rest as well.
      byte[] rest = Channels.newInputStream(channel).readAllBytes();
      byte[] bytes = Arrays.copyOf(buffer.array(), buffer.capacity() + 1 + rest.length);
      bytes[buffer.capacity()] = probe.get(0);
      System.arraycopy(rest, 0, bytes, buffer.capacity() + 1, rest.length);
      return bytes;
    }
  }

  private Path inside(Path file, Path realRoot) throws IOException {
    Path real = file.toRealPath();
    if (!real.startsWith(realRoot)) {
      throw MigrationDiscoveryException.linkOutside(
          file,
          real,
          location,
          realRoot,
          "The link changed after it was listed; point it back inside the location, or copy the"
              + " file in, and run again");
    }
    return real;
  }

  private void requireInside(Path path, Path real, Path realRoot) {
    if (real.startsWith(realRoot)) {
      return;
    }
    throw MigrationDiscoveryException.linkOutside(
        path,
        real,
        location,
        realRoot,
        "Add the target's directory as a location of its own (strata.sources), or copy"
            + " the file in");
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
