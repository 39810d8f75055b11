package dev.strata.cli.internal;

import dev.strata.api.ExecutedMigration;
import dev.strata.api.MigrateResult;
import dev.strata.api.PlannedMigration;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataException;
import dev.strata.api.StrataListener;
import dev.strata.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Migrates many schemas on a bounded pool of daemon threads ({@code --parallel N}), each with its
 * own engine, history table and lock, and collects one {@link Outcome} per schema. A failing schema
 * is reported (its error line names it) and the others go on; once stopping is requested, schemas
 * not started yet are not started.
 */
final class SchemaFanOut {
  /**
   * Migrates one schema, printing its progress on {@code console}; the engine's events also go to
   * {@code recorder}, which counts what was applied before a failure.
   */
  interface Task {
    MigrateResult migrate(String schema, Console console, StrataListener recorder);
  }

  /** What happened in one schema. */
  record Outcome(
      String schema,
      List<ExecutedMigration> applied,
      int exitCode,
      @Nullable String error,
      boolean started) {
    String status() {
      if (!started) {
        return "not started";
      }
      if (exitCode != ExitCode.SUCCESS) {
        return "failed";
      }
      return applied.isEmpty() ? "up to date" : "migrated";
    }
  }

  private SchemaFanOut() {}

  /**
   * Runs {@code task} for every schema, at most {@code parallel} at a time; outcomes in schema
   * order.
   */
  static List<Outcome> run(
      List<String> schemas, int parallel, Console console, StopRequest stop, Task task) {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallel, Math.max(1, schemas.size())),
            r -> {
              Thread t = new Thread(r, "strata-schema-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (String schema : schemas) {
        futures.add(pool.submit(() -> one(schema, console.forSchema(schema), stop, task)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(await(f));
      }
      return outcomes;
    } finally {
      pool.shutdown();
    }
  }

  private static Outcome one(String schema, Console console, StopRequest stop, Task task) {
    if (stop.requested()) {
      return new Outcome(
          schema, List.of(), ExitCode.STOPPED, "stopped on request before it started", false);
    }
    // A schema that fails at V2 keeps V1 (committed before): its row must say 1 applied, not 0.
    List<ExecutedMigration> completed = new CopyOnWriteArrayList<>();
    StrataListener recorder =
        event -> {
          if (event instanceof StrataEvent.MigrationCompleted done) {
            PlannedMigration m = done.migration();
            completed.add(
                new ExecutedMigration(
                    m.id(), m.direction(), m.statements().size(), done.duration().toMillis()));
          }
        };
    try {
      return new Outcome(
          schema, task.migrate(schema, console, recorder).applied(), ExitCode.SUCCESS, null, true);
    } catch (RuntimeException e) {
      int exit = FailureReport.report(e, console);
      String message = e instanceof StrataException ? e.getMessage() : "unexpected " + e;
      return new Outcome(
          schema, List.copyOf(completed), exit, firstLine(String.valueOf(message)), true);
    }
  }

  private static Outcome await(Future<Outcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while migrating schemas", e);
    } catch (ExecutionException e) {
      // one() reports every failure itself; an Error (out of memory, ...) ends the command.
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
