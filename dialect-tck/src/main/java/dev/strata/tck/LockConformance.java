package dev.strata.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.LockTimeoutException;
import dev.strata.api.MigrationVersion;
import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.spi.support.HistoryTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The migration lock through {@link Dialect#lock}, on connections of its own: exclusive, timing
 * out, released by its holder or by the holder's death, and per history table.
 */
abstract class LockConformance extends ConformanceGroup {
  /** How long a refused attempt waits; long enough for a polling lock to try more than once. */
  private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(2);

  /** How long a waiter may take to notice a release, or a database to notice a death. */
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  /** A timeout no correct lock reaches in these checks. */
  private static final Duration GENEROUS = Duration.ofSeconds(20);

  private static final int CONTENDERS = 4;
  private static final int ROUNDS = 3;

  @Test
  void grantsAFreeLockWithoutWaiting() throws Exception {
    createHistoryTable();
    AtomicInteger waits = new AtomicInteger();

    try (MigrationLock lock = dialect().lock(fixture().connect(), request(GENEROUS, waits))) {
      assertThat(lock).isNotNull();
    }
    assertThat(waits).as("onWait calls").hasValue(0);
  }

  @Test
  void refusesTheLockToAnotherConnectionWhileItIsHeld() throws Exception {
    createHistoryTable();
    Connection waiter = fixture().connect();
    MigrationLock held =
        dialect().lock(fixture().connect(), request(GENEROUS, new AtomicInteger()));
    AtomicInteger waits = new AtomicInteger();
    LockRequest refused = request(REFUSAL_TIMEOUT, waits);
    Instant start = Instant.now();

    assertThatThrownBy(() -> dialect().lock(waiter, refused).close())
        .as("a second lock while the first is held")
        .isInstanceOfSatisfying(
            LockTimeoutException.class, e -> assertThat(e.lockName()).isEqualTo(refused.name()));

    assertThat(Duration.between(start, Instant.now()))
        .as("time waited before giving up")
        .isBetween(REFUSAL_TIMEOUT.minusMillis(100), REFUSAL_TIMEOUT.plus(GENEROUS));
    assertThat(waits).as("onWait calls").hasValue(1);
    held.close();
  }

  @Test
  void grantsTheLockToAWaiterOnceTheHolderReleasesIt() throws Exception {
    createHistoryTable();
    Connection waiter = fixture().connect();
    MigrationLock held =
        dialect().lock(fixture().connect(), request(GENEROUS, new AtomicInteger()));
    CountDownLatch waiting = new CountDownLatch(1);
    AtomicInteger waits = new AtomicInteger();
    LockRequest request =
        new LockRequest(
            name(),
            fixture().historyTable(),
            GENEROUS,
            Clock.systemUTC(),
            () -> {
              waits.incrementAndGet();
              waiting.countDown();
            });
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<MigrationLock> second = pool.submit(() -> dialect().lock(waiter, request));
      assertThat(waiting.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
          .as("the waiter announced that it waits (onWait)")
          .isTrue();
      held.close();
      second.get(GENEROUS.toSeconds(), TimeUnit.SECONDS).close();
    } finally {
      pool.shutdownNow();
    }
    assertThat(waits).as("onWait calls").hasValue(1);
  }

  @Test
  void releasesTheLockWhenTheHoldingConnectionDies() throws Exception {
    Assumptions.assumeTrue(
        fixture().capabilities().releasesLockWhenConnectionDies(),
        "the provider does not claim releasesLockWhenConnectionDies");
    createHistoryTable();
    Connection holder = fixture().connect();
    dialect().lock(holder, request(GENEROUS, new AtomicInteger())); // never released
    kill(holder);

    try (MigrationLock lock =
        dialect().lock(fixture().connect(), request(PATIENCE, new AtomicInteger()))) {
      assertThat(lock).as("the lock, once its holder died").isNotNull();
    }
  }

  @Test
  void admitsOneHolderAtATimeUnderContention() throws Exception {
    createHistoryTable();
    AtomicInteger holders = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger acquisitions = new AtomicInteger();
    CyclicBarrier together = new CyclicBarrier(CONTENDERS);
    ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < CONTENDERS; i++) {
        Connection c = fixture().connect();
        running.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < ROUNDS; round++) {
                    together.await(GENEROUS.toSeconds(), TimeUnit.SECONDS);
                    MigrationLock lock = dialect().lock(c, request(GENEROUS, new AtomicInteger()));
                    try {
                      mostAtOnce.accumulateAndGet(holders.incrementAndGet(), Math::max);
                      acquisitions.incrementAndGet();
                      Thread.sleep(50); // long enough for a contender to get in, if the lock let it
                      holders.decrementAndGet();
                    } finally {
                      lock.close();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get(2 * GENEROUS.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(mostAtOnce).as("most holders at once").hasValue(1);
    assertThat(acquisitions).hasValue(CONTENDERS * ROUNDS);
  }

  @Test
  void keepsTheLocksOfDifferentHistoryTablesApart() throws Exception {
    createHistoryTable();
    String other = "tck_other_history";
    fixture().configure().table(other).load().baseline(MigrationVersion.parse("1"));
    AtomicInteger waits = new AtomicInteger();
    LockRequest otherRequest =
        new LockRequest(
            LockRequest.nameFor(fixture().schema(), other),
            fixture().qualified(fixture().schema(), other),
            REFUSAL_TIMEOUT,
            Clock.systemUTC(),
            waits::incrementAndGet);

    try (MigrationLock held =
            dialect().lock(fixture().connect(), request(GENEROUS, new AtomicInteger()));
        MigrationLock second = dialect().lock(fixture().connect(), otherRequest)) {
      assertThat(held).isNotNull();
      assertThat(second).as("the other table's lock").isNotNull();
    }
    assertThat(waits).as("onWait calls for the other table's lock").hasValue(0);
  }

  @Test
  void leavesItsConnectionUsableAfterRelease() throws Exception {
    createHistoryTable();
    Connection c = fixture().connect();
    dialect().lock(c, request(GENEROUS, new AtomicInteger())).close();

    assertThat(c.isClosed()).isFalse();
    assertThat(c.isValid(5)).isTrue();
    AtomicInteger waits = new AtomicInteger();
    dialect().lock(c, request(GENEROUS, waits)).close();
    assertThat(waits).as("onWait calls when taking it again").hasValue(0);
  }

  @Test
  void takesTheLockBeforeTheHistoryTableExists() throws Exception {
    Assumptions.assumeTrue(
        fixture().capabilities().advisoryLocks(), "the provider does not claim advisoryLocks");
    Connection waiter = fixture().connect();

    try (MigrationLock held =
        dialect().lock(fixture().connect(), request(GENEROUS, new AtomicInteger()))) {
      assertThat(held).isNotNull();
      assertThatThrownBy(
              () -> dialect().lock(waiter, request(REFUSAL_TIMEOUT, new AtomicInteger())).close())
          .isInstanceOf(LockTimeoutException.class);
    }
    assertThat(fixture().tables()).doesNotContain(HistoryTable.DEFAULT_NAME);
  }

  @Test
  void namesTheHolderWhenItTimesOut() throws Exception {
    Assumptions.assumeTrue(
        fixture().capabilities().namesLockHolder(), "the provider does not claim namesLockHolder");
    createHistoryTable();
    Connection waiter = fixture().connect();
    LockRequest refused = request(REFUSAL_TIMEOUT, new AtomicInteger());

    try (MigrationLock held =
        dialect().lock(fixture().connect(), request(GENEROUS, new AtomicInteger()))) {
      assertThat(held).isNotNull();
      assertThatThrownBy(() -> dialect().lock(waiter, refused).close())
          .isInstanceOf(LockTimeoutException.class)
          .hasMessageContaining("held by ")
          .hasMessageNotContaining("held by .");
    }
  }

  /** The history table with its row 0, which locks kept in the table need. */
  private void createHistoryTable() throws Exception {
    fixture().strata().baseline(MigrationVersion.parse("1"));
  }

  private Dialect dialect() throws Exception {
    return fixture().dialect();
  }

  /** The name the engine gives the lock of the default history table. */
  private String name() throws Exception {
    return LockRequest.nameFor(fixture().schema(), HistoryTable.DEFAULT_NAME);
  }

  private LockRequest request(Duration timeout, AtomicInteger waits) throws Exception {
    return new LockRequest(
        name(), fixture().historyTable(), timeout, Clock.systemUTC(), waits::incrementAndGet);
  }

  /** Ends the connection as a crash would: aborted where the driver can, closed otherwise. */
  private static void kill(Connection c) throws SQLException {
    try {
      c.abort(Runnable::run);
    } catch (SQLException | UnsupportedOperationException e) {
      // The driver cannot abort; closing without releasing the lock is the next best thing.
    }
    c.close();
  }
}
