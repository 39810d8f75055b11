/**
 * The dialect TCK: the conformance suite a Strata dialect must pass before it is published.
 *
 * <p>A dialect author adds {@code strata-dialect-tck} with scope {@code test}, implements one small
 * {@link dev.strata.tck.DialectTckProvider} (the dialect's provider, a sample of the product its
 * database reports, a fresh empty database per test, the {@link dev.strata.tck.Capabilities} the
 * dialect claims and, optionally, its own tricky {@link dev.strata.tck.ParserCase}s), and extends
 * {@link dev.strata.tck.DialectConformanceTest} naming it:
 *
 * <pre>{@code
 * final class CockroachTck implements DialectTckProvider {
 *   public DialectProvider provider() { return new CockroachDialectProvider(); }
 *   public DatabaseProduct sampleProduct() {
 *     return new DatabaseProduct(
 *         "CockroachDB", "24.1.0", 24, 1, "jdbc:postgresql://localhost:26257/app");
 *   }
 *   public TckDatabase newDatabase() {
 *     return TckDatabase.of(freshDataSource(), "public", () -> dropIt());
 *   }
 *   public Capabilities capabilities() {
 *     return Capabilities.basic().withTransactionalDdl(true);
 *   }
 *   public List<ParserCase> parserCases() {
 *     return List.of(ParserCase.splits("dollar quotes",
 *         "SELECT $$a;b$$;", SqlStatement.of("SELECT $$a;b$$", 1)));
 *   }
 * }
 *
 * class CockroachConformanceIT extends DialectConformanceTest {
 *   protected DialectTckProvider tck() { return new CockroachTck(); }
 * }
 * }</pre>
 *
 * <p>PostgreSQL and MySQL/MariaDB dialects get their databases from {@link
 * dev.strata.tck.TckDatabase#postgres()} and {@link dev.strata.tck.TckDatabase#mysql()}: the server
 * in {@code STRATA_TEST_POSTGRES_URL} / {@code STRATA_TEST_MYSQL_URL}, else the conventional local
 * server, else Testcontainers where Docker answers, else the tests are skipped with the reason
 * printed (and fail under {@code CI=true}).
 *
 * <p>The suite's migrations use plain ANSI SQL only ({@code CREATE TABLE} with {@code INT} and
 * {@code VARCHAR} columns, {@code INSERT}, {@code DROP TABLE}) and run through the real engine, so
 * what passes here works under {@code strata migrate}.
 */
@NullMarked
package dev.strata.tck;

import org.jspecify.annotations.NullMarked;
