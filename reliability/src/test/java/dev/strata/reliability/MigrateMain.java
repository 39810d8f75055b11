package dev.strata.reliability;

import dev.strata.api.MigrateResult;
import dev.strata.api.PlannedMigration;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataException;
import dev.strata.core.Strata;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A migrating JVM for the crash and load tests: {@code java -cp <test classpath>
 * dev.strata.reliability.MigrateMain <jdbcUrl> <migrationsDir> [options]} runs one {@code migrate}
 * and reports what it does on standard output, one line per event, so that a test can kill it at a
 * chosen point without guessing with sleeps:
 *
 * <pre>
 * READY                      (with --await-go: waiting for a line on standard input)
 * LOCK_WAITING               another migrator holds the lock
 * LOCK_ACQUIRED
 * MIGRATION_STARTED 3        version 3 starts
 * STATEMENT 3 2              its 2nd statement starts
 * PAUSED 3 2                 (with --pause-before=3:2) stopped for good before that statement
 * MIGRATION_COMPLETED 3
 * RESULT applied=4 lockTaken=true durationMs=120
 * FAILED CODE message        the command failed (exit code 1)
 * </pre>
 */
public final class MigrateMain {
  private MigrateMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: MigrateMain <jdbcUrl> <migrationsDir> [--await-go] [--pause-before=V:N]");
      System.exit(2);
    }
    String pauseBefore = null;
    boolean awaitGo = false;
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--await-go")) {
        awaitGo = true;
      } else if (args[i].startsWith("--pause-before=")) {
        pauseBefore = args[i].substring("--pause-before=".length());
      } else {
        System.err.println("unknown option " + args[i]);
        System.exit(2);
      }
    }
    String pause = pauseBefore;
    Strata strata =
        Strata.configure()
            .url(args[0])
            .sources("filesystem:" + args[1])
            .listener(event -> report(event, pause))
            .load();
    if (awaitGo) {
      say("READY");
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
    try {
      MigrateResult result = strata.migrate();
      say(
          "RESULT applied="
              + result.applied().size()
              + " lockTaken="
              + result.lockTaken()
              + " durationMs="
              + result.durationMs());
      System.exit(0);
    } catch (StrataException e) {
      say("FAILED " + e.code() + " " + String.valueOf(e.getMessage()).replace('\n', ' '));
      System.exit(1);
    }
  }

  private static void report(StrataEvent event, String pauseBefore) {
    if (event instanceof StrataEvent.LockWaiting) {
      say("LOCK_WAITING");
    } else if (event instanceof StrataEvent.LockAcquired) {
      say("LOCK_ACQUIRED");
    } else if (event instanceof StrataEvent.MigrationStarted s) {
      say("MIGRATION_STARTED " + version(s.migration()));
    } else if (event instanceof StrataEvent.MigrationCompleted c) {
      say("MIGRATION_COMPLETED " + version(c.migration()));
    } else if (event instanceof StrataEvent.StatementStarted s) {
      String at = version(s.migration()) + " " + s.index();
      if (at.replace(' ', ':').equals(pauseBefore)) {
        say("PAUSED " + at);
        // The JVM stops here, between two statements, until the test kills it.
        while (true) {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
      say("STATEMENT " + at);
    }
  }

  private static String version(PlannedMigration m) {
    return String.valueOf(m.id().version());
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
