package dev.strata.dialect.postgres.tck;

import dev.strata.api.SqlStatement;
import dev.strata.dialect.postgres.PostgresDialectProvider;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.DialectProvider;
import dev.strata.tck.Capabilities;
import dev.strata.tck.DialectConformanceTest;
import dev.strata.tck.DialectTckProvider;
import dev.strata.tck.ParserCase;
import dev.strata.tck.TckDatabase;
import java.util.List;

/** The PostgreSQL dialect passes the dialect TCK against the real server. */
class PostgresConformanceIT extends DialectConformanceTest {
  @Override
  protected DialectTckProvider tck() {
    return new DialectTckProvider() {
      @Override
      public DialectProvider provider() {
        return new PostgresDialectProvider();
      }

      @Override
      public DatabaseProduct sampleProduct() {
        return new DatabaseProduct(
            "PostgreSQL", "15.19", 15, 19, "jdbc:postgresql://localhost/sample");
      }

      @Override
      public TckDatabase newDatabase() {
        return TckDatabase.postgres();
      }

      @Override
      public Capabilities capabilities() {
        return Capabilities.basic()
            .withTransactionalDdl(true)
            .withAdvisoryLocks(true)
            .withNamesLockHolder(true)
            .withReleasesLockWhenConnectionDies(true);
      }

      @Override
      public List<ParserCase> parserCases() {
        return List.of(
            ParserCase.splits(
                "dollar quotes hide semicolons",
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\nSELECT 2;",
                SqlStatement.of(
                    "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql", 1),
                SqlStatement.of("SELECT 2", 2)),
            ParserCase.splits(
                "CREATE INDEX CONCURRENTLY refuses transactions",
                "CREATE INDEX CONCURRENTLY i ON t (x);",
                new SqlStatement("CREATE INDEX CONCURRENTLY i ON t (x)", 1, true)),
            ParserCase.rejects(
                "psql meta-commands are refused", "SELECT 1;\n\\connect other\n", 2));
      }
    };
  }
}
