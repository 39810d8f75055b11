package dev.strata.backfill;

import dev.strata.api.JavaMigrationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * The process {@link BackfillOnPostgresIT} kills: runs the test backfill against the database named
 * by the environment variable {@code STRATA_BACKFILL_URL} (kept out of the command line, since it
 * holds credentials). Arguments: batch size, pause in milliseconds.
 */
public final class BackfillChild {
  private BackfillChild() {}

  public static void main(String[] args) throws Exception {
    String url = System.getenv("STRATA_BACKFILL_URL");
    try (Connection c = DriverManager.getConnection(url)) {
      BackfillResult result =
          BackfillOnPostgresIT.emails()
              .batchSize(Integer.parseInt(args[0]))
              .pause(Duration.ofMillis(Long.parseLong(args[1])))
              .run(new JavaMigrationContext(c, "public"));
      System.out.println(result);
    }
  }
}
