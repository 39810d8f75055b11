package dev.strata.testsupport;

import dev.strata.testsupport.internal.DatabaseAdmin;
import dev.strata.testsupport.internal.JdbcUrl;
import dev.strata.testsupport.internal.ServerKind;
import dev.strata.testsupport.internal.ServerResolution;
import dev.strata.testsupport.internal.Unavailability;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * A database server for tests, or the reason there is none; obtained from {@link TestDatabases}.
 * Tests never use the server's own database: each takes one of its own with {@link
 * #createIsolated()}.
 *
 * <pre>{@code
 * try (IsolatedDatabase db = TestDatabases.postgres().createIsolated()) {
 *   DataSource dataSource = db.dataSource();
 *   // migrate, then assert on what the database holds
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TestDatabase {
  private final ServerKind kind;
  private final ServerResolution resolution;
  private final AtomicBoolean reasonPrinted = new AtomicBoolean();

  TestDatabase(ServerKind kind, ServerResolution resolution) {
    this.kind = kind;
    this.resolution = resolution;
  }

  /**
   * The product tests run against: {@code PostgreSQL}, {@code MySQL} (MariaDB here) or {@code MySQL
   * 8}.
   */
  public String product() {
    return kind.product();
  }

  /** Whether a server was found. */
  public boolean isAvailable() {
    return resolution instanceof ServerResolution.Available;
  }

  /** Why no server was found, naming what was tried; empty when {@link #isAvailable()}. */
  public Optional<String> unavailableReason() {
    return resolution instanceof ServerResolution.Unavailable u
        ? Optional.of(u.reason())
        : Optional.empty();
  }

  /**
   * Returns this server when there is one; otherwise aborts the calling test, so JUnit reports it
   * skipped with the reason (also printed once to standard error), or fails it when the environment
   * has {@code CI=true} — except for an optional server ({@link TestDatabases#mysql8()}), whose
   * absence always skips.
   */
  public TestDatabase requireAvailable() {
    if (resolution instanceof ServerResolution.Unavailable u) {
      if (reasonPrinted.compareAndSet(false, true)) {
        System.err.println("[strata-test-support] " + u.reason());
      }
      if (kind.optional()) {
        Assumptions.abort(u.reason());
      }
      Unavailability.abortOrFail(u.reason(), System::getenv);
    }
    return this;
  }

  /**
   * Creates a database with a fresh name ({@code strata_t_…}) on this server, for one test; close
   * it to drop it. Safe to call from tests running in parallel.
   *
   * <p>Calls {@link #requireAvailable()} first, so a missing server skips (or under CI fails) the
   * test.
   *
   * @throws IllegalStateException naming the server when it refuses to create the database
   */
  public IsolatedDatabase createIsolated() {
    JdbcUrl server = ((ServerResolution.Available) requireAvailable().resolution).url();
    String name = DatabaseAdmin.newName();
    try {
      DatabaseAdmin.create(kind, server, name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create test database "
              + name
              + " on "
              + this
              + ": "
              + e.getMessage()
              + "; the URL's user needs the right to create databases",
          e);
    }
    return new IsolatedDatabase(kind, server, name);
  }

  /** The product and where the server came from, password masked; or why there is none. */
  @Override
  public String toString() {
    if (resolution instanceof ServerResolution.Available a) {
      return kind.product() + " at " + a.url() + " (" + a.source() + ")";
    }
    return kind.product() + " (unavailable)";
  }
}
