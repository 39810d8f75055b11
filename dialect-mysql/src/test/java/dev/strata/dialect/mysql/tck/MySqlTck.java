package dev.strata.dialect.mysql.tck;

import dev.strata.api.SqlStatement;
import dev.strata.dialect.mysql.MySqlDialectProvider;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.DialectProvider;
import dev.strata.tck.Capabilities;
import dev.strata.tck.DialectTckProvider;
import dev.strata.tck.ParserCase;
import dev.strata.tck.TckDatabase;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.TestDatabases;
import java.util.List;
import java.util.function.Supplier;

/** The MySQL dialect's TCK provider, for MariaDB or for MySQL 8 itself. */
final class MySqlTck implements DialectTckProvider {
  private final DatabaseProduct sample;
  private final Supplier<TckDatabase> databases;

  private MySqlTck(DatabaseProduct sample, Supplier<TckDatabase> databases) {
    this.sample = sample;
    this.databases = databases;
  }

  /** Against the MySQL test server ({@link TestDatabases#mysql()}: MariaDB here). */
  static MySqlTck mariaDb() {
    return new MySqlTck(
        new DatabaseProduct(
            "MySQL", "5.5.5-10.11.19-MariaDB", 5, 5, "jdbc:mysql://localhost/sample"),
        TckDatabase::mysql);
  }

  /** Against MySQL 8 itself ({@link TestDatabases#mysql8()}), where one is configured. */
  static MySqlTck mySql8() {
    return new MySqlTck(
        new DatabaseProduct("MySQL", "8.4.3", 8, 4, "jdbc:mysql://localhost/sample"),
        () -> {
          IsolatedDatabase db = TestDatabases.mysql8().createIsolated();
          return TckDatabase.of(db.dataSource(), db.name(), db);
        });
  }

  @Override
  public DialectProvider provider() {
    return new MySqlDialectProvider();
  }

  @Override
  public DatabaseProduct sampleProduct() {
    return sample;
  }

  @Override
  public TckDatabase newDatabase() {
    return databases.get();
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
}
