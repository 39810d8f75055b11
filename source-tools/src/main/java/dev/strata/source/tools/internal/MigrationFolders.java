package dev.strata.source.tools.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The migrations of a tool that keeps one folder per migration (Diesel, Prisma): every folder
 * directly in the location is one, named {@code <version>_<name>} and holding its up script. A
 * {@code .sql} file the tool would never run (beside the folders, deeper in one, or under another
 * name) is refused through the {@link ToolListing}, and a folder without its up script too, unless
 * the {@code ignore} option names it or a file in it.
 */
public final class MigrationFolders {
  /**
   * One migration's folder.
   *
   * @param down its down script, unless absent or ignored
   * @param files the files the folder holds under the names the tool reads, by name
   */
  public record Folder(
      LocalFolder.Entry dir,
      LocalFolder.Entry up,
      LocalFolder.@Nullable Entry down,
      Map<String, LocalFolder.Entry> files) {
    /** The folder name up to its first {@code _}: the version as the tool writes it. */
    public String versionText() {
      String name = dir.name();
      int underscore = name.indexOf('_');
      return underscore < 0 ? name : name.substring(0, underscore);
    }

    /** The folder name after its first {@code _}, underscores read as spaces. */
    public String description() {
      String name = dir.name();
      int underscore = name.indexOf('_');
      return underscore < 0 ? "" : name.substring(underscore + 1).replace('_', ' ');
    }
  }

  private MigrationFolders() {}

  /**
   * The migration folders of {@code found}, in path order.
   *
   * @param tool the tool's name in messages ({@code Diesel})
   * @param up the up script's name ({@code up.sql})
   * @param down the down script's name ({@code down.sql})
   * @param others further files a folder may hold ({@code metadata.toml})
   * @param withoutUp why a folder without {@code up} is refused, after "is a folder without up"
   * @param loose receives each file directly in the location: the tool's own, or one to refuse
   */
  public static List<Folder> of(
      LocalFolder.Listing found,
      ToolListing listing,
      String tool,
      String up,
      String down,
      Set<String> others,
      String withoutUp,
      Consumer<LocalFolder.Entry> loose) {
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
      if (slash < 0) {
        loose.accept(file);
        continue;
      }
      String migration = file.below().substring(0, slash);
      if (ignoredFolders.contains(migration)) {
        continue;
      }
      String name = file.name();
      if (file.depth() == 2 && (name.equals(up) || name.equals(down) || others.contains(name))) {
        filesByFolder.computeIfAbsent(migration, m -> new HashMap<>()).put(name, file);
      } else if (ToolListing.isSql(name)
          && listing.refuse(
              file,
              "is not "
                  + migration
                  + "/"
                  + up
                  + " or "
                  + down
                  + ", so "
                  + tool
                  + " never runs it")) {
        withIgnoredFiles.add(migration);
      }
    }
    List<Folder> folders = new ArrayList<>();
    for (LocalFolder.Entry dir : found.folders()) {
      if (dir.depth() != 1 || ignoredFolders.contains(dir.name())) {
        continue;
      }
      Map<String, LocalFolder.Entry> files = filesByFolder.getOrDefault(dir.name(), Map.of());
      LocalFolder.Entry upFile = files.get(up);
      if (upFile == null) {
        if (!withIgnoredFiles.contains(dir.name())) {
          listing.refuse(dir, "is a folder without " + up + ", so " + withoutUp);
        }
        continue;
      }
      if (listing.ignores(upFile)) {
        continue;
      }
      LocalFolder.Entry downFile = files.get(down);
      folders.add(
          new Folder(
              dir, upFile, downFile == null || listing.ignores(downFile) ? null : downFile, files));
    }
    return folders;
  }
}
