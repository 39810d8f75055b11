package dev.strata.junit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A template whose copies are made ahead, on a background thread, while tests run: {@link #copy()}
 * hands out the oldest prepared copy (waiting for it if it is still being made) and orders the next
 * one; a copy handed out is dropped on the same thread after the test closes it, so neither the
 * copy nor the drop is in a test's time unless tests come faster than copies. A prepared copy is
 * never touched before a test gets it, so each one is in exactly the template's state. {@link
 * #close()} waits for the background work, drops the copies nobody took, then the template.
 * Thread-safe.
 *
 * <p>How many copies are kept ahead: system property {@code strata.junit.prepared} (default 2; 0
 * makes each copy when a test asks and drops it when the test ends, on the test's thread).
 */
final class PreparedCopies implements Template {
  /** The system property that sets how many copies are made ahead. */
  static final String PREPARED = "strata.junit.prepared";

  private final Template template;
  private final int ahead;
  private final ExecutorService worker;
  private final Deque<CompletableFuture<DatabaseCopy>> prepared = new ArrayDeque<>();
  private final List<CompletableFuture<?>> drops = new ArrayList<>();
  private final List<Exception> dropFailures = new ArrayList<>();
  private boolean closed;

  PreparedCopies(Template template, int ahead) {
    this.template = template;
    this.ahead = ahead;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "strata-junit-copies");
              thread.setDaemon(true);
              return thread;
            });
    synchronized (this) {
      for (int i = 0; i < ahead; i++) {
        prepared.addLast(prepare());
      }
    }
  }

  /** The number of copies to keep ahead, from {@link #PREPARED}. */
  static int aheadFromSettings() {
    String value = System.getProperty(PREPARED, "2").strip();
    try {
      int ahead = Integer.parseInt(value);
      if (ahead >= 0) {
        return ahead;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "-D"
            + PREPARED
            + "="
            + value
            + " is not a count of copies to make ahead: give 0 (none: each copy made when a test"
            + " asks) or more, e.g. 2");
  }

  @Override
  public DatabaseCopy copy() throws Exception {
    @Nullable CompletableFuture<DatabaseCopy> next;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the template is closed (the JVM is exiting)");
      }
      if (ahead == 0) {
        next = null;
      } else {
        next = prepared.isEmpty() ? prepare() : prepared.removeFirst();
        prepared.addLast(prepare());
      }
    }
    DatabaseCopy copy;
    if (next == null) {
      copy = template.copy();
    } else {
      try {
        copy = next.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Exception cause) {
          throw cause;
        }
        throw e;
      }
    }
    return new DatabaseCopy(copy.url(), () -> drop(copy));
  }

  private CompletableFuture<DatabaseCopy> prepare() {
    CompletableFuture<DatabaseCopy> future = new CompletableFuture<>();
    worker.execute(
        () -> {
          try {
            future.complete(template.copy());
          } catch (Exception | Error e) {
            future.completeExceptionally(e);
          }
        });
    return future;
  }

  /** Drops a copy a test has closed: in the background, or now if there is no background. */
  private void drop(DatabaseCopy copy) throws Exception {
    synchronized (this) {
      if (ahead > 0 && !closed) {
        try {
          drops.add(
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      copy.close();
                    } catch (Exception e) {
                      synchronized (this) {
                        dropFailures.add(e);
                      }
                    }
                  },
                  worker));
          return;
        } catch (RejectedExecutionException e) {
          // closing: drop it here
        }
      }
    }
    copy.close();
  }

  @Override
  public void close() throws Exception {
    List<CompletableFuture<DatabaseCopy>> unused;
    List<CompletableFuture<?>> pending;
    synchronized (this) {
      closed = true;
      unused = new ArrayList<>(prepared);
      prepared.clear();
      pending = new ArrayList<>(drops);
      drops.clear();
    }
    @Nullable Exception failure = null;
    for (CompletableFuture<DatabaseCopy> future : unused) {
      try {
        future.get().close();
      } catch (ExecutionException e) {
        // a copy that could not be made: nothing to drop
      } catch (Exception e) {
        failure = add(failure, e);
      }
    }
    for (CompletableFuture<?> drop : pending) {
      try {
        drop.get();
      } catch (ExecutionException e) {
        failure = add(failure, e);
      }
    }
    worker.shutdown();
    worker.awaitTermination(1, TimeUnit.MINUTES);
    synchronized (this) {
      for (Exception e : dropFailures) {
        failure = add(failure, e);
      }
    }
    try {
      template.close();
    } catch (Exception e) {
      failure = add(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static Exception add(@Nullable Exception first, Exception next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
