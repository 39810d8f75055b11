package dev.strata.source.drizzle.internal;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * drizzle-kit 0.x's layout, read as drizzle-orm's {@code readMigrationFiles} reads it: each entry
 * of {@code meta/_journal.json}, in order, names {@code <tag>.sql} next to {@code meta/}; files the
 * journal does not list never run.
 */
final class JournalLayout {
  /**
   * {@code 0000_name} (drizzle-kit's default), {@code 20240627123900_name}, {@code
   * 1719481298_name}.
   */
  private static final Pattern NUMBERED_TAG = Pattern.compile("([0-9]+)_(.*)");

  private static final byte[] MARKER =
      BreakpointSplitter.MARKER.getBytes(StandardCharsets.US_ASCII);

  private final String location;
  private final Path root;
  private final Path journalFile;
  private final String journal;
  private final Findings findings;

  JournalLayout(String location, Path root, Path journalFile, SourceSettings settings) {
    this.location = location;
    this.root = root;
    this.journalFile = journalFile;
    this.journal = journalFile.toString();
    this.findings = new Findings(location, root, settings);
  }

  static Journal readJournal(Path journalFile) {
    return JournalReader.read(journalFile.toString(), DrizzleSource.read(journalFile));
  }

  SourceListing list() {
    Map<String, Journal.Entry> byTag = new HashMap<>();
    Journal.Entry previous = null;
    MigrationVersion previousVersion = null;
    for (Journal.Entry entry : readJournal(journalFile).entries()) {
      requireFileName(entry);
      Journal.Entry repeated = byTag.putIfAbsent(entry.tag(), entry);
      if (repeated != null) {
        throw error(
            entry,
            "repeats the tag \""
                + entry.tag()
                + "\" of entry "
                + repeated.position()
                + "; remove one of them");
      }
      if (findings.ignores(root.resolve(entry.tag() + ".sql"))) {
        continue;
      }
      Path file = requireFile(entry);
      MigrationId id = id(entry);
      MigrationVersion version = Objects.requireNonNull(id.version());
      if (previous != null && previousVersion != null && version.compareTo(previousVersion) < 0) {
        throw outOfOrder(entry, version, previous, previousVersion);
      }
      if (!entry.breakpoints()) {
        requireNoMarker(entry, file);
      }
      findings.add(
          new MigrationResource(
              id,
              Direction.UP,
              null,
              false,
              file.toString(),
              () -> Files.readAllBytes(file),
              entry.breakpoints() ? BreakpointSplitter.INSTANCE : null));
      previous = entry;
      previousVersion = version;
    }
    reportUnlisted(byTag.keySet());
    return findings.listing();
  }

  private Path requireFile(Journal.Entry entry) {
    Path file = root.resolve(entry.tag() + ".sql");
    if (!Files.isRegularFile(file)) {
      throw new MigrationDiscoveryException(
          file
              + " does not exist, but entry "
              + entry.position()
              + " of "
              + journal
              + " (line "
              + entry.line()
              + ") lists it; restore the file from version control, or remove the entry"
              + " (drizzle-kit drop)",
          List.of(file.toString(), journal));
    }
    return DrizzleSource.inside(file, root, location);
  }

  private MigrationDiscoveryException outOfOrder(
      Journal.Entry entry,
      MigrationVersion version,
      Journal.Entry previous,
      MigrationVersion previousVersion) {
    return error(
        entry,
        "\""
            + entry.tag()
            + "\" (version "
            + version
            + ") comes after \""
            + previous.tag()
            + "\" (version "
            + previousVersion
            + "); drizzle applies migrations in journal order and Strata in version order, so"
            + " rename the tags and files so that versions increase down the journal");
  }

  /** Version and description from the tag's numeric prefix, else (prefix mode "none") from idx. */
  private MigrationId id(Journal.Entry entry) {
    Matcher numbered = NUMBERED_TAG.matcher(entry.tag());
    if (numbered.matches()) {
      return new MigrationId(
          MigrationVersion.parse(numbered.group(1)), DrizzleSource.describe(numbered.group(2)));
    }
    if (entry.idx() == null || entry.idx() < 0) {
      throw error(
          entry,
          "the tag \""
              + entry.tag()
              + "\" has no numeric prefix and the entry no \"idx\", so the migration has no"
              + " version; add \"idx\" or rename the tag and file to 0000_name");
    }
    String version = String.format("%04d", entry.idx());
    String name = entry.tag().startsWith("_") ? entry.tag().substring(1) : entry.tag();
    return new MigrationId(MigrationVersion.parse(version), DrizzleSource.describe(name));
  }

  private void requireFileName(Journal.Entry entry) {
    String tag = entry.tag();
    if (tag.isEmpty()
        || tag.equals(".")
        || tag.equals("..")
        || tag.contains("/")
        || tag.contains("\\")
        || tag.chars().anyMatch(Character::isISOControl)) {
      throw error(
          entry,
          "the tag \""
              + shown(tag)
              + "\" is not a file name; a tag names <tag>.sql next to the meta folder");
    }
  }

  /** {@code tag} with control characters escaped, so that a message shows them. */
  private static String shown(String tag) {
    StringBuilder shown = new StringBuilder();
    tag.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    return shown.toString();
  }

  private void requireNoMarker(Journal.Entry entry, Path file) {
    byte[] bytes = DrizzleSource.read(file);
    int at = indexOf(bytes, MARKER);
    if (at < 0) {
      return;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    throw new MigrationDiscoveryException(
        file
            + ":"
            + line
            + ": contains "
            + BreakpointSplitter.MARKER
            + ", but entry "
            + entry.position()
            + " of "
            + journal
            + " (line "
            + entry.line()
            + ") says \"breakpoints\": false; set \"breakpoints\": true in that entry so that"
            + " Strata splits the file at the markers as drizzle does, or remove the markers",
        List.of(file.toString(), journal));
  }

  /** .sql files next to meta/ and drizzle-kit 1.x migration folders that the journal leaves out. */
  private void reportUnlisted(Set<String> tags) {
    Set<String> listed = new HashSet<>();
    tags.forEach(t -> listed.add(t + ".sql"));
    for (Path child : DrizzleSource.children(root, location)) {
      String name = child.getFileName().toString();
      Path unlisted = null;
      if (Files.isRegularFile(child) && name.endsWith(".sql") && !listed.contains(name)) {
        unlisted = child;
      } else if (Files.isDirectory(child) && Files.isRegularFile(child.resolve("migration.sql"))) {
        unlisted = child.resolve("migration.sql");
      }
      if (unlisted != null && !findings.ignores(unlisted)) {
        findings.unrecognized(
            unlisted,
            "is not listed in "
                + journal
                + ", so drizzle never runs it; add it to the journal (drizzle-kit generate --custom"
                + " creates a listed file), or move it out of "
                + location);
      }
    }
  }

  private MigrationDiscoveryException error(Journal.Entry entry, String what) {
    return new MigrationDiscoveryException(
        journal + ":" + entry.line() + ": entry " + entry.position() + ": " + what,
        List.of(journal));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
