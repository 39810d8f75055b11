package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.LockTimeoutException;
import dev.strata.api.MigrateResult;
import dev.strata.core.StrataConfiguration.LockMode;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease lock, for connection poolers in transaction mode. */
class LeaseLockOnH2IT {
  @TempDir Path dir;
  H2Database db;

  @BeforeEach
  void setUp() throws Exception {
    db = new H2Database(dir);
    for (int v = 1; v <= 10; v++) {
      db.file("V" + v + "__t" + v + ".sql", "CREATE TABLE t" + v + " (id INT);\n");
    }
  }

  StrataConfiguration.Builder lease() {
    return db.configure().lockMode(LockMode.LEASE);
  }

  @Test
  void concurrentMigratorsUnderALeaseApplyEachMigrationOnce() throws Exception {
    List<MigrateResult> results = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  results.add(lease().load().migrate());
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
    assertThat(results.stream().mapToInt(r -> r.applied().size()).sum()).isEqualTo(10);
    assertThat(db.column("SELECT COUNT(*) FROM \"PUBLIC\".\"strata_schema_history_lease\""))
        .containsExactly("0");
  }

  @Test
  void aLiveLeaseMakesOthersWaitAndTimeOutNamingIt() throws Exception {
    db.strata().migrate(); // creates the history table
    db.file("V11__more.sql", "CREATE TABLE more (id INT);\n");
    try (var c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE \"PUBLIC\".\"strata_schema_history_lease\" (\"lock_name\" VARCHAR(200) PRIMARY KEY,"
              + " \"holder\" VARCHAR(200) NOT NULL, \"expires_ms\" BIGINT NOT NULL)");
      s.execute(
          "INSERT INTO \"PUBLIC\".\"strata_schema_history_lease\" VALUES ('strata:PUBLIC.strata_schema_history',"
              + " 'strata-other', "
              + (System.currentTimeMillis() + 600_000)
              + ")");
    }

    assertThatThrownBy(() -> lease().lockTimeout(Duration.ofMillis(400)).load().migrate())
        .isInstanceOf(LockTimeoutException.class)
        .hasMessageContaining("lease strata-other");
  }

  @Test
  void anExpiredLeaseOfACrashedMigratorIsTakenOver() throws Exception {
    db.strata().migrate();
    db.file("V11__more.sql", "CREATE TABLE more (id INT);\n");
    try (var c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE \"PUBLIC\".\"strata_schema_history_lease\" (\"lock_name\" VARCHAR(200) PRIMARY KEY,"
              + " \"holder\" VARCHAR(200) NOT NULL, \"expires_ms\" BIGINT NOT NULL)");
      s.execute(
          "INSERT INTO \"PUBLIC\".\"strata_schema_history_lease\" VALUES ('strata:PUBLIC.strata_schema_history',"
              + " 'strata-crashed', 0)");
    }

    assertThat(lease().lockTimeout(Duration.ofSeconds(5)).load().migrate().applied()).hasSize(1);
  }
}
