package dev.strata.dialect.mysql.tck;

import dev.strata.api.SqlStatement;
import dev.strata.dialect.mysql.MySqlDialectProvider;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.DialectProvider;
import dev.strata.tck.Capabilities;
import dev.strata.tck.DialectConformanceTest;
import dev.strata.tck.DialectTckProvider;
import dev.strata.tck.ParserCase;
import dev.strata.tck.TckDatabase;
import java.util.List;

/** The MySQL dialect passes the dialect TCK against the real MariaDB server. */
class MySqlConformanceIT extends DialectConformanceTest {
  @Override
  protected DialectTckProvider tck() {
    return new DialectTckProvider() {
      @Override
      public DialectProvider provider() {
        return new MySqlDialectProvider();
      }

      @Override
      public DatabaseProduct sampleProduct() {
        return new DatabaseProduct(
            "MySQL", "5.5.5-10.11.19-MariaDB", 5, 5, "jdbc:mysql://localhost/sample");
      }

      @Override
      public TckDatabase newDatabase() {
        return TckDatabase.mysql();
      }

      @Override
      public Capabilities capabilities() {
        return Capabilities.basic()
            .withTransactionalDdl(false)
            .withAdvisoryLocks(true)
            .withNamesLockHolder(true)
            .withReleasesLockWhenConnectionDies(true);
      }

      @Override
      public String dropSchema(String quotedSchema) {
        return "DROP DATABASE " + quotedSchema;
      }

      @Override
      public List<ParserCase> parserCases() {
        return List.of(
            ParserCase.splits(
                "DELIMITER changes the terminator",
                "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nSELECT 2;",
                SqlStatement.of("CREATE PROCEDURE p() BEGIN SELECT 1; END", 2),
                SqlStatement.of("SELECT 2", 4)),
            ParserCase.splits(
                "# starts a comment",
                "SELECT 1; # comment ; here\nSELECT 2;",
                SqlStatement.of("SELECT 1", 1),
                SqlStatement.of("SELECT 2", 2)));
      }
    };
  }
}
