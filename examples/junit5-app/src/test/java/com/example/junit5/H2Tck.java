package com.example.junit5;

import dev.strata.api.SqlStatement;
import dev.strata.dialect.h2.H2DialectProvider;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.DialectProvider;
import dev.strata.tck.Capabilities;
import dev.strata.tck.DialectTckProvider;
import dev.strata.tck.ParserCase;
import dev.strata.tck.TckDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The H2 dialect as a dialect author would present it to the TCK: a private in-memory database per
 * test, no transactional DDL, the lock in the history table. (dialect-tck's own test fixture, without its variants.)
 */
final class H2Tck implements DialectTckProvider {
  @Override
  public DialectProvider provider() {
    return new H2DialectProvider();
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.basic();
  }

  @Override
  public DatabaseProduct sampleProduct() {
    return new DatabaseProduct("H2", "2.3.232 (2024-08-11)", 2, 3, "jdbc:h2:mem:sample");
  }

  @Override
  public TckDatabase newDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:tck" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    return TckDatabase.of(
        dataSource,
        "PUBLIC",
        () -> {
          try (Connection c = dataSource.getConnection();
              Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
          }
        });
  }

  @Override
  public List<ParserCase> parserCases() {
    return List.of(
        ParserCase.splits(
            "$$ bodies hide semicolons",
            "CREATE ALIAS TCK_SHOUT AS $$ String shout(String s) { return s + \"!\"; } $$;\n"
                + "SELECT 1;",
            SqlStatement.of(
                "CREATE ALIAS TCK_SHOUT AS $$ String shout(String s) { return s + \"!\"; } $$", 1),
            SqlStatement.of("SELECT 1", 2)),
        ParserCase.splits(
            "block comments nest",
            "/* outer /* inner ; */ still ; comment */ SELECT 1;\nSELECT 2;",
            SqlStatement.of("SELECT 1", 1),
            SqlStatement.of("SELECT 2", 2)),
        ParserCase.splits(
            "// starts a line comment",
            "SELECT 1; // comment ; here\nSELECT 2;",
            SqlStatement.of("SELECT 1", 1),
            SqlStatement.of("SELECT 2", 2)),
        ParserCase.splits(
            "$$ inside a name is text",
            "CREATE TABLE A$$B (id INT);\nSELECT 1;",
            SqlStatement.of("CREATE TABLE A$$B (id INT)", 1),
            SqlStatement.of("SELECT 1", 2)),
        ParserCase.rejects("unterminated $$ body", "SELECT 1;\nCREATE ALIAS X AS $$ oops;\n", 2),
        ParserCase.rejects("unterminated quoted identifier", "SELECT 1;\n\nSELECT \"oops;\n", 3));
  }
}
