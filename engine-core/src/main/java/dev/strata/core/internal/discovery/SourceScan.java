package dev.strata.core.internal.discovery;

import dev.strata.api.Direction;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The part of discovery that needs no database: every source listed, and every up script read and
 * checksummed, whichever dialect it is tagged for. {@link Catalog} then chooses, for the connected
 * dialect, from what this found.
 *
 * <p>A script that cannot be read fails only when it is chosen: another dialect's variant is read
 * here too, and must not fail a start that would never have used it.
 *
 * <p>{@link #start} runs a scan on a thread of its own, so that a command can read its files while
 * it connects: on a replica's first start both are mostly loading and running cold code, and
 * reading a thousand scripts takes about as long as connecting.
 */
public final class SourceScan {
  private final List<SourceListing> listings;

  /**
   * Up script to its {@link ScriptText.Checked}, or the {@link RuntimeException} reading it threw.
   */
  private final Map<MigrationResource, Object> scripts;

  private SourceScan(List<SourceListing> listings, Map<MigrationResource, Object> scripts) {
    this.listings = listings;
    this.scripts = scripts;
  }

  /**
   * Scans {@code sources} in this thread.
   *
   * @throws dev.strata.api.MigrationDiscoveryException when a source cannot be listed
   */
  public static SourceScan of(List<MigrationSource> sources) {
    List<SourceListing> listings = new ArrayList<>(sources.size());
    Map<MigrationResource, Object> scripts = new IdentityHashMap<>();
    for (MigrationSource source : sources) {
      SourceListing listing = source.list();
      listings.add(listing);
      for (MigrationResource r : listing.resources()) {
        if (r.direction() == Direction.UP) {
          Object script;
          try {
            script = ScriptText.readChecked(r);
          } catch (RuntimeException e) {
            script = e;
          }
          scripts.put(r, script);
        }
      }
    }
    return new SourceScan(listings, scripts);
  }

  /**
   * Starts scanning the sources {@code sources} resolves, on a daemon thread that has the caller's
   * context class loader; {@link Pending#join()} waits for the result.
   */
  public static Pending start(Supplier<List<MigrationSource>> sources) {
    FutureTask<SourceScan> task = new FutureTask<>(() -> of(sources.get()));
    Thread thread = new Thread(task, "strata-source-scan");
    thread.setDaemon(true); // a scan whose command failed to connect must not keep a JVM up
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    thread.start();
    return new Pending(task);
  }

  /** A scan running on its own thread. */
  public static final class Pending {
    private final FutureTask<SourceScan> task;

    private Pending(FutureTask<SourceScan> task) {
      this.task = task;
    }

    /**
     * Waits for the scan; what it threw is thrown here, as if the caller had scanned.
     *
     * @throws dev.strata.api.MigrationDiscoveryException when a source cannot be listed
     */
    public SourceScan join() {
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while reading the migration sources", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException("Reading the migration sources failed", cause);
      }
    }
  }

  List<SourceListing> listings() {
    return listings;
  }

  /**
   * The text and checksum of the up script {@code r}, as {@link ScriptText#readChecked} gives them.
   *
   * @throws dev.strata.api.MigrationDiscoveryException naming the file when it could not be read
   */
  ScriptText.Checked script(MigrationResource r) {
    Object script = scripts.get(r);
    if (script instanceof RuntimeException e) {
      throw e;
    }
    return (ScriptText.Checked) Objects.requireNonNull(script, "not an up script of this scan");
  }
}
