package dev.strata.tck;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;

/**
 * The dialect conformance suite. Extend it in your dialect's tests, naming your {@link
 * DialectTckProvider}, and every check runs against your dialect:
 *
 * <pre>{@code
 * class PostgresConformanceIT extends DialectConformanceTest {
 *   @Override
 *   protected DialectTckProvider tck() {
 *     return new PostgresTck();
 *   }
 * }
 * }</pre>
 *
 * <p>The checks come in groups, each a {@code @Nested} class whose test names say what a conforming
 * dialect does:
 *
 * <ul>
 *   <li>{@code Discovery}: {@link java.util.ServiceLoader} finds exactly this provider from the
 *       connection's metadata, the engine chooses it unasked, it runs files tagged for it, and it
 *       reports the connection's schema;
 *   <li>{@code Parser}: statement boundaries and start lines around strings, quoted identifiers,
 *       line and block comments, CRLF, scripts with nothing in them and unterminated strings and
 *       comments, then {@link DialectTckProvider#parserCases()}; these need no database;
 *   <li>{@code History}: the history table is created once by four migrators starting together, has
 *       the contract's columns, keeps rows as written (Unicode and 200-character descriptions
 *       included) and works in schemas with unusual names;
 *   <li>{@code Locking}: the lock is exclusive across connections, times out, passes to a waiter on
 *       release, is released when its connection dies, and is per history table;
 *   <li>{@code Transactions}: a failed migration leaves exactly what {@link
 *       Capabilities#transactionalDdl()} promises;
 *   <li>{@code Commands}: re-runs apply nothing, down scripts revert, plans change nothing;
 *   <li>{@code Schema}: for a dialect with a {@link dev.strata.spi.SchemaInspector}, the model sees
 *       what migrations create and none of Strata's tables, is the same on every read and names no
 *       schema, {@code diff} finds no drift after {@code migrate}, names a hand-made index and a
 *       dropped view once each, reports pending migrations as pending, and changes nothing live.
 *   <li>{@code Runs}: each command's rows record its run and release, {@code down} reverts the last
 *       run or back to a release, once when two processes ask at once, and a history table without
 *       those columns gains them.
 * </ul>
 *
 * <p>Each test gets a fresh database from {@link DialectTckProvider#newDatabase()} when it needs
 * one, and drops it afterwards. A test times out after five minutes (time enough for a first
 * Testcontainers start), so a lock that never returns fails instead of hanging the build. Checks
 * for capabilities the provider does not claim are skipped with the reason.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class DialectConformanceTest {
  private @Nullable TckFixture fixture;

  /** For subclasses. */
  protected DialectConformanceTest() {}

  /** The provider of the dialect under test; called once per test. */
  protected abstract DialectTckProvider tck();

  @BeforeEach
  final void createFixture() {
    fixture = new TckFixture(tck());
  }

  @AfterEach
  final void dropFixture() throws Exception {
    if (fixture != null) {
      fixture.tearDown();
    }
  }

  private TckFixture fixture() {
    return Objects.requireNonNull(fixture, "the fixture exists only while a test runs");
  }

  /** How the engine finds the dialect, and what the dialect says about itself. */
  @Nested
  class Discovery extends DiscoveryConformance {
    @Override
    TckFixture fixture() {
      return DialectConformanceTest.this.fixture();
    }
  }

  /** The parser contract: shared ANSI cases, then the dialect's own. */
  @Nested
  class Parser extends ParserConformance {
    @Override
    TckFixture fixture() {
      return DialectConformanceTest.this.fixture();
    }
  }

  /** The history table. */
  @Nested
  class History extends HistoryConformance {
    @Override
    TckFixture fixture() {
      return DialectConformanceTest.this.fixture();
    }
  }

  /** The migration lock. */
  @Nested
  class Locking extends LockConformance {
    @Override
    TckFixture fixture() {
      return DialectConformanceTest.this.fixture();
    }
  }

  /** Transactional behaviour against the claim. */
  @Nested
  class Transactions extends TransactionConformance {
    @Override
    TckFixture fixture() {
      return DialectConformanceTest.this.fixture();
    }
  }

  /** Re-runs, down migrations and plans through the engine. */
  @Nested
  class Commands extends CommandConformance {
    @Override
    TckFixture fixture() {
      return DialectConformanceTest.this.fixture();
    }
  }

  /** Schema inspection and diff, where the dialect inspects schemas. */
  @Nested
  class Schema extends SchemaConformance {
    @Override
    TckFixture fixture() {
      return DialectConformanceTest.this.fixture();
    }
  }

  /** Runs and releases: what each command records, and down by run or by release. */
  @Nested
  class Runs extends RunsConformance {
    @Override
    TckFixture fixture() {
      return DialectConformanceTest.this.fixture();
    }
  }
}
