package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration.LockMode;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease lock, as used behind PgBouncer in transaction mode, on a real server. */
@PostgresTest
class PostgresLeaseIT {
  @TempDir Path dir;

  @Test
  void replicasUnderALeaseApplyEachMigrationOnceAndTakeNoAdvisoryLock(IsolatedDatabase db)
      throws Exception {
    for (int v = 1; v <= 20; v++) {
      Files.writeString(
          dir.resolve("V" + v + "__t" + v + ".sql"),
          "CREATE TABLE t" + v + " (id int);\n",
          StandardCharsets.UTF_8);
    }
    List<MigrateResult> results = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  results.add(
                      Strata.configure()
                          .dataSource(db.dataSource())
                          .sources("filesystem:" + dir)
                          .lockMode(LockMode.LEASE)
                          .load()
                          .migrate());
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }

    assertThat(failures).isEmpty();
    assertThat(results.stream().mapToInt(r -> r.applied().size()).sum()).isEqualTo(20);
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM strata_schema_history_lease")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
