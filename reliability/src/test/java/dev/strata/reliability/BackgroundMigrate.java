package dev.strata.reliability;

import dev.strata.api.MigrateResult;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import dev.strata.core.Strata;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code migrate} running on a thread of its own, with a listener that records every event, so
 * a test can wait for a statement to start and then break a connection under it.
 */
final class BackgroundMigrate {
  private final List<StrataEvent> events = new CopyOnWriteArrayList<>();
  private final CountDownLatch reached = new CountDownLatch(1);
  private final CompletableFuture<MigrateResult> result;

  private BackgroundMigrate(String url, String location, String version, int index) {
    StrataListener listener =
        event -> {
          events.add(event);
          if (event instanceof StrataEvent.StatementStarted s
              && String.valueOf(s.migration().id().version()).equals(version)
              && s.index() == index) {
            reached.countDown();
          }
        };
    Strata strata = Strata.configure().url(url).sources(location).listener(listener).load();
    result =
        CompletableFuture.supplyAsync(
            strata::migrate,
            task -> {
              Thread t = new Thread(task, "background-migrate");
              t.setDaemon(true);
              t.start();
            });
  }

  /**
   * Starts {@code migrate}; {@link #awaitStatement} waits for statement {@code index} of {@code
   * version}.
   */
  static BackgroundMigrate start(String url, String location, String version, int index) {
    return new BackgroundMigrate(url, location, version, index);
  }

  void awaitStatement(Duration timeout) throws InterruptedException {
    if (!reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "the statement did not start within " + timeout + "; events: " + events);
    }
  }

  /** The outcome: the result, or what {@code migrate} threw. */
  Throwable failure(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      MigrateResult r = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("migrate completed, but was expected to fail: " + r);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /** Whether a migration of {@code version} started. */
  boolean started(String version) {
    return events.stream()
        .anyMatch(
            e ->
                e instanceof StrataEvent.MigrationStarted s
                    && String.valueOf(s.migration().id().version()).equals(version));
  }
}
