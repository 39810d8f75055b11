package dev.strata.spi.support;

import dev.strata.api.MigrationDiscoveryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code .sql} files of one location that follow none of its conventions, gathered while a
 * source lists the location and refused together in one {@link MigrationDiscoveryException} that
 * names every one of them. Such a file is never skipped: a folder of another tool's migrations
 * would otherwise look like a folder with nothing to do. Where a file or the folder fits another
 * tool's layout (goose, dbmate, Prisma, Diesel, sqlx, drizzle), the message names the source prefix
 * to read it with. Files that are not {@code .sql} are no concern of this class.
 *
 * <p>Only the error path reads file contents (the first {@link #HEAD_BYTES} bytes, for goose's and
 * dbmate's markers). One instance per listing; not thread-safe.
 *
 * <pre>{@code
 * UnrecognizedFiles unrecognized = new UnrecognizedFiles(location, MigrationFileName.CONVENTIONS);
 * for (...) {
 *   unrecognized.listed(below);
 *   if (parsed == null && name.endsWith(".sql")) {
 *     unrecognized.add(origin, below, MigrationFileName.whyUnrecognized(name), () -> head(file));
 *   }
 * }
 * unrecognized.throwIfAny();
 * }</pre>
 */
public final class UnrecognizedFiles {
  /** How much of a file is read for markers. */
  public static final int HEAD_BYTES = 8192;

  /** Reads the first bytes of a file (at least {@link #HEAD_BYTES}, or all it has). */
  @FunctionalInterface
  public interface Head {
    byte[] read() throws IOException;
  }

  /** dbmate's rule for its up block. */
  private static final Pattern DBMATE_UP = Pattern.compile("(?m)^--\\s*migrate:up(\\s*$|\\s+\\S+)");

  private static final Pattern TIMESTAMP_FOLDER = Pattern.compile("[0-9]{14}_.+");
  private static final Pattern DIESEL_FOLDER = Pattern.compile("[0-9][0-9-]*_.+");
  private static final Pattern SQLX_NAME = Pattern.compile("[0-9]+_.+\\.sql");

  /** Another tool whose layout a file fits. */
  private enum Tool {
    GOOSE("goose", "it has a '-- +goose Up' annotation"),
    DBMATE("dbmate", "it has a '-- migrate:up' marker"),
    PRISMA("prisma", "a Prisma migration folder"),
    DRIZZLE("drizzle", "a drizzle-kit migration folder (migration.sql beside snapshot.json)"),
    DIESEL("diesel", "a Diesel migration folder (<version>_<name>/up.sql)"),
    SQLX("sqlx", "an sqlx name (<version>_<description>.sql)");

    final String prefix;
    final String evidence;

    Tool(String prefix, String evidence) {
      this.prefix = prefix;
      this.evidence = evidence;
    }
  }

  private record File(String origin, String below, String problem, @Nullable Tool tool) {}

  private final String location;
  private final String conventions;
  private final boolean namesHint;
  private final Set<String> listed = new HashSet<>();
  private final List<Pending> pending = new ArrayList<>();
  // Whether a goose file uses what only pressly/goose knows, so the original goose is no choice.
  private boolean gooseV3Only;

  private record Pending(String origin, String below, String problem, Head head) {}

  /**
   * @param location the location as configured ({@code filesystem:/migrations})
   * @param conventions the conventions the location follows, for the message ({@link
   *     MigrationFileName#CONVENTIONS})
   */
  public UnrecognizedFiles(String location, String conventions) {
    this(location, conventions, true);
  }

  /**
   * @param namesHint whether a file's name and folder may hint at another tool (sqlx's {@code
   *     <version>_<description>.sql}, Prisma's and Diesel's folders); {@code false} where the
   *     location's own convention looks like them (drizzle-kit names its files {@code
   *     0000_name.sql}), leaving only goose's and dbmate's markers
   */
  public UnrecognizedFiles(String location, String conventions, boolean namesHint) {
    this.location = location;
    this.conventions = conventions;
    this.namesHint = namesHint;
  }

  /**
   * Notes a file the source listed, whatever its kind ({@code prisma/migration_lock.toml}, {@code
   * 2024_x/snapshot.json}), so that the folder's layout can be recognised.
   *
   * @param below its path below the location, folders separated by {@code /}
   */
  public void listed(String below) {
    listed.add(strip(below));
  }

  /**
   * Adds a {@code .sql} file that follows none of the location's conventions.
   *
   * @param origin the file as messages name it
   * @param below its path below the location, folders separated by {@code /}
   * @param problem why it follows none, after its name ({@code "follows no naming convention"})
   * @param head reads its first bytes, only if the error is reported
   */
  public void add(String origin, String below, String problem, Head head) {
    String path = strip(below);
    listed.add(path);
    pending.add(new Pending(origin, path, problem, head));
  }

  /** Whether no file was added. */
  public boolean isEmpty() {
    return pending.isEmpty();
  }

  /**
   * Throws one error naming every file added, if any.
   *
   * @throws MigrationDiscoveryException when a file was added
   */
  public void throwIfAny() {
    if (pending.isEmpty()) {
      return;
    }
    boolean prismaLock =
        listed.stream()
            .anyMatch(p -> p.equals("migration_lock.toml") || p.endsWith("/migration_lock.toml"));
    List<File> files = new ArrayList<>();
    for (Pending p : pending) {
      files.add(new File(p.origin(), p.below(), p.problem(), tool(p, prismaLock)));
    }
    throw new MigrationDiscoveryException(
        message(files), files.stream().map(File::origin).toList());
  }

  private String message(List<File> files) {
    Tool common = files.get(0).tool();
    for (File f : files) {
      if (f.tool() != common) {
        common = null;
        break;
      }
    }
    StringBuilder m = new StringBuilder(location);
    m.append(
        files.size() == 1
            ? " holds a .sql file that follows none of its conventions ("
            : " holds " + files.size() + " .sql files that follow none of its conventions (");
    m.append(conventions)
        .append("), so Strata cannot tell which migration ")
        .append(files.size() == 1 ? "it is" : "each is")
        .append("; nothing was applied.");
    if (common != null) {
      m.append(files.size() == 1 ? " It is a " : " They are ")
          .append(common.prefix)
          .append(files.size() == 1 ? " migration" : " migrations")
          .append(": read the location with ")
          .append(suggestion(common))
          .append(" (strata.sources) instead of ")
          .append(location);
      if (common == Tool.GOOSE && !gooseV3Only) {
        m.append(", or with ")
            .append(liamstaskSuggestion())
            .append(" if the project uses the original bitbucket.org/liamstask/goose");
      }
      m.append('.');
    }
    for (File f : files) {
      m.append("\n  ").append(f.origin()).append(": ");
      if (f.tool() == null) {
        m.append(f.problem())
            .append("; or leave it out with strata.ignore='")
            .append(glob(f))
            .append("'");
      } else if (common != null) {
        m.append(f.tool().evidence);
      } else {
        m.append(f.tool().evidence).append("; read it with ").append(suggestion(f.tool()));
        if (f.tool() == Tool.GOOSE && !gooseV3Only) {
          m.append(" (or ").append(liamstaskSuggestion()).append(')');
        }
        m.append(", or leave it out with strata.ignore='").append(glob(f)).append("'");
      }
    }
    m.append("\nRename or move each file, or leave it out with strata.ignore=GLOB, and run again.");
    return m.toString();
  }

  private @Nullable Tool tool(Pending p, boolean prismaLock) {
    String name = p.below().substring(p.below().lastIndexOf('/') + 1);
    String folder = folderName(p.below());
    String text = head(p.head());
    Goose goose = text == null ? Goose.NONE : goose(text);
    if (goose != Goose.NONE) {
      gooseV3Only |= goose == Goose.V3_ONLY;
      return Tool.GOOSE;
    }
    if (text != null && DBMATE_UP.matcher(text).find()) {
      return Tool.DBMATE;
    }
    if (!namesHint) {
      return null;
    }
    if (name.equals("migration.sql") && folder != null) {
      String dir = p.below().substring(0, p.below().lastIndexOf('/'));
      if (prismaLock) {
        return Tool.PRISMA;
      }
      if (TIMESTAMP_FOLDER.matcher(folder).matches()) {
        return listed.contains(dir + "/snapshot.json") ? Tool.DRIZZLE : Tool.PRISMA;
      }
    }
    if ((name.equals("up.sql") || name.equals("down.sql"))
        && folder != null
        && DIESEL_FOLDER.matcher(folder).matches()) {
      return Tool.DIESEL;
    }
    if (SQLX_NAME.matcher(name).matches()) {
      return Tool.SQLX;
    }
    return null;
  }

  /** Which goose reads a file. */
  private enum Goose {
    NONE,
    /**
     * Only pressly/goose: an annotation the original goose reads as a comment, or none it knows.
     */
    V3_ONLY,
    /** pressly/goose and the original bitbucket.org/liamstask/goose alike. */
    EITHER
  }

  /** The words the original goose knows after {@code "-- +goose "}, case-sensitive. */
  private static final Set<String> LIAMSTASK_WORDS =
      Set.of("Up", "Down", "StatementBegin", "StatementEnd");

  private static final String LIAMSTASK_PREFIX = "-- +goose ";

  /**
   * pressly/goose's rule for its annotations: a line starting with {@code --} that holds {@code
   * +goose} is one; every {@code --} and the {@code +goose} removed, the rest reads {@code Up} in
   * any case. The original goose knows only {@code "-- +goose "} at column 0 followed by {@code
   * Up}, {@code Down}, {@code StatementBegin} or {@code StatementEnd}; any other annotation ({@code
   * NO TRANSACTION}, {@code ENVSUB}, {@code up}, {@code --+goose}) is a comment to it, so a file
   * using one is written for pressly/goose. A file of common annotations fits both, and only the
   * project (its {@code go.mod}, or a vendored {@code lib/goose}) tells which.
   */
  private static Goose goose(String text) {
    boolean up = false;
    boolean liamstaskUp = false;
    boolean v3Only = false;
    for (String raw : text.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (!line.startsWith("--") || !line.contains("+goose")) {
        continue;
      }
      up |= line.replace("--", "").replaceFirst("\\+goose", "").strip().equalsIgnoreCase("Up");
      String word =
          line.startsWith(LIAMSTASK_PREFIX)
              ? line.substring(LIAMSTASK_PREFIX.length()).strip()
              : "";
      liamstaskUp |= word.equals("Up");
      v3Only |= !LIAMSTASK_WORDS.contains(word);
    }
    if (!up) {
      return Goose.NONE;
    }
    return liamstaskUp && !v3Only ? Goose.EITHER : Goose.V3_ONLY;
  }

  private static @Nullable String head(Head head) {
    try {
      byte[] bytes = head.read();
      if (bytes.length > HEAD_BYTES) {
        bytes = Arrays.copyOf(bytes, HEAD_BYTES);
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException | RuntimeException e) {
      return null; // only a hint is lost: the file is reported all the same
    }
  }

  private static @Nullable String folderName(String below) {
    int slash = below.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    return below.substring(below.lastIndexOf('/', slash - 1) + 1, slash);
  }

  /** {@code goose:/migrations} for {@code filesystem:/migrations}. */
  private String suggestion(Tool tool) {
    int colon = location.indexOf(':');
    return tool.prefix + ":" + (colon < 0 ? location : location.substring(colon + 1));
  }

  /** {@code goose-liamstask:/migrations} for {@code filesystem:/migrations}. */
  private String liamstaskSuggestion() {
    int colon = location.indexOf(':');
    return "goose-liamstask:" + (colon < 0 ? location : location.substring(colon + 1));
  }

  /** The file's path below the location, escaped: a glob that leaves just this file out. */
  private static String glob(File f) {
    StringBuilder glob = new StringBuilder();
    for (char c : f.below().toCharArray()) {
      if ("*?[]{}\\".indexOf(c) >= 0) {
        glob.append('\\');
      }
      glob.append(c);
    }
    return glob.toString();
  }

  private static String strip(String below) {
    return below.startsWith("/") ? below.substring(1) : below;
  }
}
