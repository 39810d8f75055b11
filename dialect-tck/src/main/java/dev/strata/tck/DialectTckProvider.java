package dev.strata.tck;

import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.DialectProvider;
import java.util.List;

/**
 * What a dialect author gives the conformance suite: the dialect, a way to get a fresh empty
 * database, and the capabilities the dialect claims. Implement it, then name it in a subclass of
 * {@link DialectConformanceTest}.
 *
 * <pre>{@code
 * final class PostgresTck implements DialectTckProvider {
 *   public DialectProvider provider() { return new PostgresDialectProvider(); }
 *   public DatabaseProduct sampleProduct() {
 *     return new DatabaseProduct("PostgreSQL", "16.4", 16, 4, "jdbc:postgresql://localhost/app");
 *   }
 *   public TckDatabase newDatabase() { return TckDatabase.postgres(); }
 *   public Capabilities capabilities() {
 *     return Capabilities.basic().withTransactionalDdl(true).withAdvisoryLocks(true);
 *   }
 * }
 * }</pre>
 *
 * <p>The suite calls these methods from the test thread and from threads of its own; the provider
 * must be thread-safe (a stateless one is).
 */
public interface DialectTckProvider {
  /**
   * The provider under test, as registered in {@code
   * META-INF/services/dev.strata.spi.DialectProvider}.
   */
  DialectProvider provider();

  /**
   * What a typical server of the dialect's database reports ({@link DatabaseProduct#of}). The
   * checks that need no database, such as the parser's, run on {@code
   * provider().create(sampleProduct())}, so they run even when no server is available.
   */
  DatabaseProduct sampleProduct();

  /**
   * A fresh, empty database for one test, which the suite closes (drops) when the test ends. Use
   * {@link TckDatabase#postgres()}, {@link TckDatabase#mysql()}, or {@link TckDatabase#of}.
   * Throwing {@link org.opentest4j.TestAbortedException} skips the test (that is what {@link
   * TckDatabase#postgres()} does when no server is available).
   */
  TckDatabase newDatabase() throws Exception;

  /** What the dialect claims beyond the {@link dev.strata.spi.Dialect} contract. */
  Capabilities capabilities();

  /**
   * The dialect's own tricky scripts (dollar quotes, backslash escapes, {@code DELIMITER}, ...),
   * checked after the suite's shared ones; none by default.
   */
  default List<ParserCase> parserCases() {
    return List.of();
  }

  /**
   * Schema names the history table and migrations must work in, each quoted by the dialect. The
   * suite makes each unique with a random suffix. By default: mixed case, a space, a dash; return
   * fewer for a database that forbids some, none to skip the check.
   */
  default List<String> unusualSchemaNames() {
    return List.of("TckMixedCase", "tck with spaces", "tck-dashed");
  }

  /**
   * The statement that drops a schema the suite created, with everything in it; {@code
   * quotedSchema} is already quoted by the dialect. By default {@code DROP SCHEMA ... CASCADE};
   * MySQL, whose schemas are databases, needs {@code DROP DATABASE ...}.
   */
  default String dropSchema(String quotedSchema) {
    return "DROP SCHEMA " + quotedSchema + " CASCADE";
  }
}
