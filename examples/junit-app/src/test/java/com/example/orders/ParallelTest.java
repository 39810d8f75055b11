package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.junit.MigratedDatabase;
import dev.strata.junit.MigratedDatabase.Database;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Eight invocations at once on PostgreSQL (JUnit's parallel mode, 4 threads): each writes to its
 * own copy, and they overlap (a latch holds the first four until four have their database).
 */
@MigratedDatabase(database = Database.POSTGRESQL)
@Execution(ExecutionMode.CONCURRENT)
class ParallelTest {
  private static final CountDownLatch FOUR_AT_ONCE = new CountDownLatch(4);
  private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

  @RepeatedTest(8)
  void eachConcurrentInvocationHasItsOwnCopy(DataSource db) throws Exception {
    THREADS.add(Thread.currentThread().getName());
    Rows.execute(db, "INSERT INTO orders (id, customer_id, total) VALUES (1, 2, 5)");
    FOUR_AT_ONCE.countDown();
    assertThat(FOUR_AT_ONCE.await(60, TimeUnit.SECONDS)).as("four tests ran at once").isTrue();
    assertThat(Rows.count(db, "orders")).isEqualTo(1);
  }

  @AfterAll
  static void ranOnSeveralThreads() throws SQLException {
    assertThat(THREADS).hasSizeGreaterThan(1);
  }
}
