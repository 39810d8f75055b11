package dev.strata.source.tools.internal;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.StrataEvent;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What one listing of a tool's folder found. A {@code .sql} file the tool would never run is
 * collected rather than skipped, and {@link #listing} refuses the location naming every such file
 * at once, unless the user's {@code ignore} option names it: then it is listed as ignored.
 *
 * <p>Not thread-safe; one per listing.
 */
public final class ToolListing {
  private final String location;
  private final String tool;
  private final SourceSettings settings;
  private final List<MigrationResource> resources = new ArrayList<>();
  private final List<StrataEvent.Warning> warnings = new ArrayList<>();
  private final List<String> ignored = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();
  private final List<String> refusedOrigins = new ArrayList<>();

  /**
   * @param location the location as configured, for messages
   * @param tool the tool's name as users know it ({@code sqlx})
   */
  public ToolListing(String location, String tool, SourceSettings settings) {
    this.location = location;
    this.tool = tool;
    this.settings = settings;
  }

  /** Whether {@code name} is a SQL file's name, whatever the case of its extension. */
  public static boolean isSql(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".sql");
  }

  /**
   * Whether the user's {@code ignore} option names {@code entry}; if so it is listed as ignored and
   * must not be read.
   */
  public boolean ignores(LocalFolder.Entry entry) {
    if (settings.ignores(entry.below())) {
      ignored.add(entry.origin());
      return true;
    }
    return false;
  }

  /** Adds a script. */
  public void add(MigrationResource resource) {
    resources.add(resource);
  }

  /** Adds warnings, such as the folder's entries that are not regular files. */
  public void warn(List<StrataEvent.Warning> more) {
    warnings.addAll(more);
  }

  /**
   * Records a {@code .sql} file (or a folder) the tool would not run, unless the {@code ignore}
   * option names it.
   *
   * @param why why, after the entry's name: {@code "has no '_' after its version"}
   * @return whether the {@code ignore} option named it, so it is listed as ignored instead
   */
  public boolean refuse(LocalFolder.Entry entry, String why) {
    if (ignores(entry)) {
      return true;
    }
    refused.add(entry.origin() + " " + why);
    refusedOrigins.add(entry.origin());
    return false;
  }

  /**
   * The listing.
   *
   * @param convention what the tool runs, for the message: {@code "<version>_<description>.sql
   *     directly in the folder"}
   * @param dialects what the location says about its dialects, or {@code null}
   * @throws MigrationDiscoveryException naming every refused file, when there are any
   */
  public SourceListing listing(
      String convention, SourceListing.@Nullable DialectRequirement dialects) {
    if (!refused.isEmpty()) {
      throw new MigrationDiscoveryException(
          location
              + ": "
              + tool
              + " would never run "
              + (refused.size() == 1 ? "this" : "these " + refused.size())
              + ":\n  "
              + String.join("\n  ", refused)
              + "\n"
              + tool
              + " runs "
              + convention
              + ". Rename or move "
              + (refused.size() == 1 ? "it" : "them")
              + ", or name "
              + (refused.size() == 1 ? "it" : "them")
              + " in the ignore option to leave "
              + (refused.size() == 1 ? "it" : "them")
              + " out",
          refusedOrigins);
    }
    return new SourceListing(resources, warnings, ignored, dialects);
  }
}
