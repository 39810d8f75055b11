package dev.strata.source.tools.internal.goose;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.source.tools.internal.LocalFolder;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.ScriptSplitter;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A goose migration folder, read as pressly/goose v3 or as the original liamstask goose reads it.
 *
 * <p>v3 ({@code collectMigrations}) looks at the folder's own {@code *.sql} and {@code *.go} files
 * (a {@code .sql} file in a subfolder, which v3 never runs, is reported); the original goose walks
 * the whole tree. Every {@code .sql} file must be named {@code <version>_<name>.sql} and have an Up
 * annotation (the original goose: Up or Down); {@code .go} migrations cannot run in Strata. Each
 * such file is named in one error, unless the {@code ignore} option leaves it out. Two files with
 * one version are an error naming both.
 *
 * <p>Each file is read while listing, since its annotations decide whether it has a down part and
 * whether it runs outside a transaction ({@code -- +goose NO TRANSACTION}); each direction's
 * content is the file with the other direction's lines blanked ({@link Sections}), split by goose's
 * own rules ({@link GooseSplitter}, {@link LiamstaskSplitter}).
 *
 * <p>Immutable and thread-safe; every {@link #list()} reads the folder afresh.
 */
public final class GooseSource implements MigrationSource {
  /** Which goose's rules apply. */
  public enum Layout {
    /** pressly/goose v3. */
    V3,
    /** The original {@code bitbucket.org/liamstask/goose}. */
    LIAMSTASK
  }

  private final LocalFolder folder;
  private final SourceSettings settings;
  private final Layout layout;
  private final Envsubst envsubst;

  /**
   * @param env the variables {@code -- +goose ENVSUB ON} substitutes (the process environment, as
   *     goose's {@code os.LookupEnv})
   */
  public GooseSource(
      String location, Path root, SourceSettings settings, Layout layout, Map<String, String> env) {
    this.folder = new LocalFolder(location, root);
    this.settings = settings;
    this.layout = layout;
    this.envsubst = new Envsubst(env);
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
    List<String> problemOrigins = new ArrayList<>();
    List<String> goFiles = new ArrayList<>();
    Map<MigrationVersion, String> versions = new HashMap<>();
    for (LocalFolder.Entry file : listing.files()) {
      String name = file.name();
      boolean sql = name.endsWith(".sql");
      boolean go = name.endsWith(".go");
      if (!sql && !go || (go && layout == Layout.V3 && name.endsWith("_test.go"))) {
        continue; // goose looks at nothing else (v3 skips Go test files)
      }
      if (settings.ignores(file.below())) {
        ignored.add(file.origin());
        continue;
      }
      if (layout == Layout.V3 && file.depth() > 1) {
        if (sql) {
          problems.add(
              file.origin() + " is in a subfolder; goose reads only the folder's own files");
          problemOrigins.add(file.origin());
        }
        continue;
      }
      String whyNot = GooseFileName.whyNot(name);
      if (go) {
        // v3 fails on any Go file it cannot match to a registered migration; the original goose
        // skips Go files without a version.
        if (whyNot == null || layout == Layout.V3) {
          goFiles.add(file.origin());
        }
        continue;
      }
      if (whyNot != null) {
        problems.add(file.origin() + " " + whyNot);
        problemOrigins.add(file.origin());
        continue;
      }
      GooseFileName parsed = GooseFileName.parse(name);
      MigrationVersion version = MigrationVersion.parse(parsed.version());
      String other = versions.putIfAbsent(version, file.origin());
      if (other != null) {
        throw new MigrationDiscoveryException(
            other
                + " and "
                + file.origin()
                + " both have version "
                + version
                + " (goose refuses duplicate versions); renumber one of them",
            List.of(other, file.origin()));
      }
      byte[] bytes = folder.readWhileListing(file);
      String text = utf8(bytes);
      if (text == null) {
        // Not UTF-8: the engine reports it with its line when it reads the content.
        resources.add(resource(file, version, parsed, Direction.UP, false, () -> bytes));
        continue;
      }
      Sections sections = layout == Layout.V3 ? Sections.v3(text) : Sections.liamstask(text);
      if (!sections.hasUp()) {
        problems.add(
            file.origin()
                + (layout == Layout.V3
                    ? " has no '-- +goose Up' annotation (goose runs only what follows it)"
                    : " has no '-- +goose Up' or '-- +goose Down' annotation at column 0"));
        problemOrigins.add(file.origin());
        continue;
      }
      byte[] up = sections.up().getBytes(StandardCharsets.UTF_8);
      resources.add(
          resource(file, version, parsed, Direction.UP, sections.noTransaction(), () -> up));
      if (sections.down() != null) {
        byte[] down = sections.down().getBytes(StandardCharsets.UTF_8);
        resources.add(
            resource(file, version, parsed, Direction.DOWN, sections.noTransaction(), () -> down));
      }
    }
    if (!goFiles.isEmpty()) {
      problems.add(
          String.join(", ", goFiles)
              + (goFiles.size() == 1 ? " is a Go migration" : " are Go migrations")
              + ": Strata runs SQL only and cannot run Go code; port "
              + (goFiles.size() == 1 ? "it" : "them")
              + " to a <version>_<name>.sql file with '-- +goose Up', or leave "
              + (goFiles.size() == 1 ? "it" : "them")
              + " out with the ignore option (ignore=*.go)");
      problemOrigins.addAll(goFiles);
    }
    if (!problems.isEmpty()) {
      throw new MigrationDiscoveryException(
          location()
              + " holds files goose would not run as migrations:\n  - "
              + String.join("\n  - ", problems)
              + "\nFix or rename them, or leave them out with the ignore option (e.g."
              + " ignore=legacy/*.sql)",
          problemOrigins);
    }
    return new SourceListing(resources, listing.warnings(), ignored);
  }

  private MigrationResource resource(
      LocalFolder.Entry file,
      MigrationVersion version,
      GooseFileName parsed,
      Direction direction,
      boolean autocommit,
      MigrationResource.Content content) {
    ScriptSplitter splitter =
        layout == Layout.V3
            ? new GooseSplitter(direction, envsubst)
            : new LiamstaskSplitter(direction);
    return new MigrationResource(
        new MigrationId(version, parsed.description()),
        direction,
        null,
        autocommit,
        file.origin(),
        content,
        splitter);
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
