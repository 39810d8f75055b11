package dev.strata.core.internal.discovery;

import dev.strata.api.Direction;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The part of discovery that needs no database: every source listed, and every up script read and
 * checksummed, whichever dialect it is tagged for. {@link Catalog} then chooses, for the connected
 * dialect, from what this found.
 *
 * <p>A script that cannot be read fails only when it is chosen: another dialect's variant is read
 * here too, and must not fail a start that would never have used it.
 *
 * <p>{@link #start} runs a scan on a thread of its own, so that a command reads its files while it
 * connects, and {@link Pending#join()} reads the scripts still unread alongside that thread: with
 * many migrations, reading them takes longer than connecting, and a start with nothing to do waits
 * for nothing else.
 */
public final class SourceScan {
  private final List<SourceListing> listings;

  /** Up script to its {@link ScriptText.Checked}, or what reading it threw. */
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
    Reading reading = Reading.list(sources);
    reading.readUnclaimed();
    return reading.result();
  }

  /**
   * Starts scanning the sources {@code sources} resolves, on a daemon thread that has the caller's
   * context class loader; {@link Pending#join()} helps it and returns the result.
   */
  public static Pending start(Supplier<List<MigrationSource>> sources) {
    CompletableFuture<Reading> listed = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              Reading reading;
              try {
                reading = Reading.list(sources.get());
              } catch (Throwable e) { // whatever it is, join() throws it in the caller's thread
                listed.completeExceptionally(e);
                return;
              }
              listed.complete(reading);
              reading.readUnclaimed();
            },
            "strata-source-scan");
    thread.setDaemon(true); // a scan whose command failed to connect must not keep a JVM up
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    thread.start();
    return new Pending(listed);
  }

  /** A scan running on its own thread. */
  public static final class Pending {
    private final CompletableFuture<Reading> listed;

    private Pending(CompletableFuture<Reading> listed) {
      this.listed = listed;
    }

    /**
     * Waits until the sources are listed, reads the scripts the scan's thread has not taken yet,
     * and waits for the rest; what the scan threw is thrown here, as if the caller had scanned.
     *
     * @throws dev.strata.api.MigrationDiscoveryException when a source cannot be listed
     */
    public SourceScan join() {
      try {
        Reading reading = listed.get();
        reading.readUnclaimed();
        reading.awaitAll();
        return reading.result();
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
        throw new IllegalStateException("Listing the migration sources failed", cause);
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
    if (script instanceof Error e) {
      throw e;
    }
    return (ScriptText.Checked) Objects.requireNonNull(script, "not an up script of this scan");
  }

  /** The listed up scripts, read by whichever threads claim them first. */
  private static final class Reading {
    private final List<SourceListing> listings;
    private final MigrationResource[] ups;

    /** By index into {@link #ups}: a {@link ScriptText.Checked}, or what reading it threw. */
    private final Object[] scripts;

    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch unread;

    private Reading(List<SourceListing> listings, List<MigrationResource> ups) {
      this.listings = listings;
      this.ups = ups.toArray(MigrationResource[]::new);
      this.scripts = new Object[this.ups.length];
      this.unread = new CountDownLatch(this.ups.length);
    }

    static Reading list(List<MigrationSource> sources) {
      List<SourceListing> listings = new ArrayList<>(sources.size());
      List<MigrationResource> ups = new ArrayList<>();
      for (MigrationSource source : sources) {
        SourceListing listing = source.list();
        listings.add(listing);
        for (MigrationResource r : listing.resources()) {
          if (r.direction() == Direction.UP) {
            ups.add(r);
          }
        }
      }
      return new Reading(listings, ups);
    }

    /** Reads scripts no thread has claimed yet, with a digest of this thread's own. */
    void readUnclaimed() {
      MessageDigest sha256 = null;
      for (int i = next.getAndIncrement(); i < ups.length; i = next.getAndIncrement()) {
        if (sha256 == null) {
          sha256 = ScriptText.sha256();
        }
        Object script;
        try {
          script = ScriptText.readChecked(ups[i], sha256);
        } catch (RuntimeException | Error e) { // kept for the thread that chooses the script
          script = e;
        }
        scripts[i] = script;
        unread.countDown(); // publishes scripts[i] to awaitAll()
      }
    }

    void awaitAll() throws InterruptedException {
      unread.await();
    }

    /** Once every script is read. */
    SourceScan result() {
      Map<MigrationResource, Object> byResource = new IdentityHashMap<>(ups.length);
      for (int i = 0; i < ups.length; i++) {
        byResource.put(ups[i], scripts[i]);
      }
      return new SourceScan(listings, byResource);
    }
  }
}
