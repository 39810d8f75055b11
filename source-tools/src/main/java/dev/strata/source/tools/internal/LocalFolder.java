package dev.strata.source.tools.internal;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.StrataEvent;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A local folder tree that a tool's migrations live in, listed with engine-core's link policy:
 * symbolic links are followed while their target stays inside the location (a Kubernetes
 * ConfigMap's files link to {@code ..data/}); a link out of it, a loop and a dangling link are
 * errors naming the link, so no file outside the configured location is ever read. Hidden entries
 * (names starting with {@code .}) are skipped with everything below them.
 *
 * <pre>{@code
 * LocalFolder folder = new LocalFolder("goose:db/migrations", Path.of("db/migrations"));
 * for (LocalFolder.Entry file : folder.list(1).files()) {
 *   byte[] bytes = folder.read(file);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; every {@link #list} reads the folder afresh.
 */
public final class LocalFolder {
  /** Every level of the tree, for {@link #list(int)}. */
  public static final int WHOLE_TREE = Integer.MAX_VALUE;

  private final String location;
  private final Path root;

  /**
   * @param location the location as configured, for messages ({@code goose:db/migrations})
   * @param root the folder
   */
  public LocalFolder(String location, Path root) {
    this.location = location;
    this.root = root;
  }

  /**
   * One file or folder found.
   *
   * @param path the path as found (below the location as configured, links not resolved)
   * @param origin the path as users see it in messages
   * @param below the path below the location, folders separated by {@code /}, no leading {@code /}
   *     ({@code 1_init.sql}, {@code 2024_x/up.sql}); what {@code SourceSettings.ignores} takes
   * @param directory whether it is a folder (a followed link to one included)
   * @param throughLink whether it is reached through a symbolic link, so {@link #read} checks its
   *     target again
   */
  public record Entry(
      Path path, String origin, String below, boolean directory, boolean throughLink) {
    /** The file's or folder's own name. */
    public String name() {
      int slash = below.lastIndexOf('/');
      return slash < 0 ? below : below.substring(slash + 1);
    }

    /** How many folders deep it lies: 1 for an entry directly in the location. */
    public int depth() {
      return (int) below.chars().filter(c -> c == '/').count() + 1;
    }
  }

  /**
   * What {@link #list} found, each list sorted by {@link Entry#below()}.
   *
   * @param files the regular files
   * @param folders the folders
   * @param warnings entries that are neither (a named pipe, a socket, a device), never read
   */
  public record Listing(
      List<Entry> files, List<Entry> folders, List<StrataEvent.Warning> warnings) {
    public Listing {
      files = List.copyOf(files);
      folders = List.copyOf(folders);
      warnings = List.copyOf(warnings);
    }
  }

  /** The location as configured. */
  public String location() {
    return location;
  }

  /** The folder. */
  public Path root() {
    return root;
  }

  /**
   * Lists the tree down to {@code depth} levels: 1 lists the location's own files and folders,
   * {@link #WHOLE_TREE} everything.
   *
   * @throws MigrationDiscoveryException when the location is not a folder, or a link leads outside
   *     it, nowhere, or into a loop
   */
  public Listing list(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, was " + depth);
    }
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
    List<Entry> files = new ArrayList<>();
    List<Entry> folders = new ArrayList<>();
    List<StrataEvent.Warning> warnings = new ArrayList<>();
    Set<Path> walking = new HashSet<>();
    walking.add(realRoot);
    walk(root, "", Files.isSymbolicLink(root), realRoot, depth, walking, files, folders, warnings);
    files.sort(Comparator.comparing(Entry::below));
    folders.sort(Comparator.comparing(Entry::below));
    return new Listing(files, folders, warnings);
  }

  private void walk(
      Path dir,
      String prefix,
      boolean throughLink,
      Path realRoot,
      int depth,
      Set<Path> walking,
      List<Entry> files,
      List<Entry> folders,
      List<StrataEvent.Warning> warnings) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException e) {
      throw unlistable(dir, e);
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.startsWith(".")) {
        continue; // also skips a ConfigMap's ..data and ..<timestamp> folders
      }
      BasicFileAttributes attrs = attributes(child, LinkOption.NOFOLLOW_LINKS);
      boolean link = throughLink;
      Path real = null;
      if (attrs.isSymbolicLink()) {
        if (!Files.exists(child)) {
          throw dangling(child);
        }
        real = realPath(child);
        requireInside(child, real, realRoot);
        attrs = attributes(child);
        link = true;
      }
      String below = prefix + name;
      Entry entry = new Entry(child, child.toString(), below, attrs.isDirectory(), link);
      if (attrs.isRegularFile()) {
        files.add(entry);
      } else if (attrs.isDirectory()) {
        folders.add(entry);
        if (depth > 1) {
          Path realDir = real != null ? real : realPath(child);
          if (!walking.add(realDir)) {
            throw new MigrationDiscoveryException(
                child
                    + " is a symbolic link to a directory that contains it (a loop); remove the"
                    + " link from "
                    + location,
                List.of(child.toString()));
          }
          walk(child, below + "/", link, realRoot, depth - 1, walking, files, folders, warnings);
          walking.remove(realDir);
        }
      } else {
        // Reading a named pipe would wait for a writer forever.
        warnings.add(
            new StrataEvent.Warning(
                child.toString(),
                child
                    + " is not a regular file (a named pipe, socket or device), so it is never"
                    + " read; it is ignored"));
      }
    }
  }

  /**
   * The bytes of {@code file}, a file {@link #list} found. A file reached through a link is
   * resolved and checked again, since the link may have changed since it was listed; any other file
   * is opened without following links, so one that became a link since is refused by the system
   * rather than followed.
   *
   * @throws IOException when it cannot be read
   * @throws MigrationDiscoveryException when its link now leads outside the location
   */
  public byte[] read(Entry file) throws IOException {
    if (file.throughLink()) {
      Path realRoot = root.toRealPath();
      Path real = file.path().toRealPath();
      if (!real.startsWith(realRoot)) {
        throw MigrationDiscoveryException.linkOutside(
            file.path(),
            real,
            location,
            realRoot,
            "The link changed after it was listed; point it back inside the location, or copy the"
                + " file in, and run again");
      }
      return Files.readAllBytes(real);
    }
    try (var in =
        Files.newInputStream(file.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      return in.readAllBytes();
    }
  }

  /**
   * {@link #read}, with a failure turned into a {@link MigrationDiscoveryException} naming the
   * file; for sources that must look into a file while they list.
   */
  public byte[] readWhileListing(Entry file) {
    try {
      return read(file);
    } catch (IOException e) {
      throw unlistable(file.path(), e);
    }
  }

  private void requireInside(Path path, Path real, Path realRoot) {
    if (!real.startsWith(realRoot)) {
      throw MigrationDiscoveryException.linkOutside(
          path,
          real,
          location,
          realRoot,
          "Add the target's directory as a location of its own (strata.sources), or copy"
              + " the file in");
    }
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
    if (e instanceof AccessDeniedException) {
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

  private BasicFileAttributes attributes(Path path, LinkOption... options) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, options);
    } catch (IOException e) {
      throw unlistable(path, e);
    }
  }

  private Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw unlistable(path, e);
    }
  }
}
