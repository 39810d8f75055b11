package dev.strata.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/** Folders of unpacked binaries and of server data: made once, shared, deleted whole. */
public final class Folders {
  /** Owner only: a data folder, which the servers insist on. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      Set.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private static final Set<PosixFilePermission> READABLE_BY_ALL =
      Set.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_EXECUTE);

  /** Writes an unpacked tree into the (empty) folder it is given. */
  @FunctionalInterface
  public interface Filler {
    void fill(Path folder) throws IOException;
  }

  private Folders() {}

  /**
   * The folder {@code base/<prefix><digest of key>}, filled by {@code filler} the first time on
   * this machine. It is filled beside its final place and moved in one step, so parallel JVMs never
   * see half a tree, and it is readable by every user (a server run as another user reads it).
   */
  public static Path unpackedOnce(Path base, String prefix, byte[] key, Filler filler)
      throws IOException {
    Path target = base.resolve(prefix + digest(key));
    if (Files.exists(target.resolve(".complete"))) {
      return target;
    }
    Path staging = Files.createTempDirectory(base, prefix + "unpack-");
    setPermissions(staging, READABLE_BY_ALL);
    try {
      filler.fill(staging);
      Files.createFile(staging.resolve(".complete"));
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
        // Another JVM finished first; its tree is as good as ours.
      }
    } finally {
      try {
        deleteTree(staging);
      } catch (UncheckedIOException | IOException ignored) {
        // a leftover staging folder in the temp folder is harmless
      }
    }
    return target;
  }

  /** Deletes {@code folder} and everything in it, if it exists. */
  public static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The POSIX permissions of a tar or zip entry's Unix mode; always readable by its owner. */
  public static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = new HashSet<>();
    PosixFilePermission[] bits = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << i)) != 0) {
        set.add(bits[i]);
      }
    }
    set.add(PosixFilePermission.OWNER_READ);
    return set;
  }

  public static void setPermissions(Path path, Set<PosixFilePermission> permissions)
      throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }

  private static String digest(byte[] key) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
