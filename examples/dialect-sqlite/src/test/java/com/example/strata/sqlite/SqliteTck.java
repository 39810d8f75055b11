package com.example.strata.sqlite;

import dev.strata.api.SqlStatement;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.DialectProvider;
import dev.strata.tck.Capabilities;
import dev.strata.tck.DialectTckProvider;
import dev.strata.tck.ParserCase;
import dev.strata.tck.TckDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConfig.JournalMode;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite dialect as presented to the TCK: a fresh database file in a temporary directory per
 * test, deleted with its directory (journal and lock files included) afterwards.
 *
 * @param journalMode the database's journal mode
 * @param transactionMode what the driver begins a transaction with on {@code setAutoCommit(false)}
 */
record SqliteTck(JournalMode journalMode, TransactionMode transactionMode)
    implements DialectTckProvider {
  /** SQLite's defaults: a rollback journal, deferred transactions. */
  static SqliteTck defaults() {
    return new SqliteTck(JournalMode.DELETE, TransactionMode.DEFERRED);
  }

  /**
   * The configuration often recommended for concurrent use: WAL, and transactions that take the
   * write lock when they begin ({@code BEGIN IMMEDIATE} for every {@code setAutoCommit(false)}).
   */
  static SqliteTck walWithImmediateTransactions() {
    return new SqliteTck(JournalMode.WAL, TransactionMode.IMMEDIATE);
  }

  @Override
  public DialectProvider provider() {
    return new SqliteDialectProvider();
  }

  @Override
  public DatabaseProduct sampleProduct() {
    return new DatabaseProduct("SQLite", "3.54.1", 3, 54, "jdbc:sqlite:/tmp/sample.db");
  }

  @Override
  public TckDatabase newDatabase() throws Exception {
    Path dir = Files.createTempDirectory("strata-sqlite-tck-");
    // Options go through SQLiteConfig: SQLiteDataSource ignores some of those given in the URL.
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(journalMode);
    config.setTransactionMode(transactionMode);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve("tck.db"));
    return TckDatabase.of(dataSource, SqliteDialect.MAIN, () -> deleteRecursively(dir));
  }

  /**
   * Transactional DDL; a lock that needs no table (it lives in a file of its own) and goes with its
   * connection; holders are not named.
   */
  @Override
  public Capabilities capabilities() {
    return Capabilities.basic().withTransactionalDdl(true).withAdvisoryLocks(true);
  }

  /** SQLite has no schemas to create: the schema is always {@code main}. */
  @Override
  public List<String> unusualSchemaNames() {
    return List.of();
  }

  @Override
  public List<ParserCase> parserCases() {
    return List.of(
        ParserCase.splits(
            "a trigger body keeps its semicolons",
            "CREATE TRIGGER tck_audit AFTER INSERT ON tck_orders\n"
                + "BEGIN\n"
                + "  INSERT INTO tck_log VALUES ('order; placed');\n"
                + "  UPDATE tck_stats SET n = n + 1;\n"
                + "END;\n"
                + "SELECT 1;\n",
            SqlStatement.of(
                "CREATE TRIGGER tck_audit AFTER INSERT ON tck_orders\n"
                    + "BEGIN\n"
                    + "  INSERT INTO tck_log VALUES ('order; placed');\n"
                    + "  UPDATE tck_stats SET n = n + 1;\n"
                    + "END",
                1),
            SqlStatement.of("SELECT 1", 6)),
        ParserCase.splits(
            "temp trigger, any case, with CASE ... END inside",
            "create temp trigger if not exists tck_t before update on tck_a begin\n"
                + "  select case when new.id < 0 then raise(abort, 'negative; id') end;\n"
                + "end;\nSELECT 2;",
            SqlStatement.of(
                "create temp trigger if not exists tck_t before update on tck_a begin\n"
                    + "  select case when new.id < 0 then raise(abort, 'negative; id') end;\n"
                    + "end",
                1),
            SqlStatement.of("SELECT 2", 4)),
        ParserCase.splits(
            "END; in a comment or a string does not end a trigger",
            "CREATE TRIGGER tck_t AFTER DELETE ON tck_a BEGIN\n"
                + "  -- END;\n"
                + "  DELETE FROM tck_b WHERE note = 'END;';\n"
                + "END;\n",
            SqlStatement.of(
                "CREATE TRIGGER tck_t AFTER DELETE ON tck_a BEGIN\n"
                    + "  -- END;\n"
                    + "  DELETE FROM tck_b WHERE note = 'END;';\n"
                    + "END",
                1)),
        ParserCase.splits(
            "a trigger ending without a final semicolon",
            "SELECT 1;\nCREATE TRIGGER tck_t AFTER INSERT ON tck_a BEGIN SELECT 1; END",
            SqlStatement.of("SELECT 1", 1),
            SqlStatement.of("CREATE TRIGGER tck_t AFTER INSERT ON tck_a BEGIN SELECT 1; END", 2)),
        ParserCase.splits(
            "a quoted \"trigger\" is a name, and so is trigger_log",
            "CREATE TABLE \"trigger\" (id INT);\nCREATE TABLE trigger_log (id INT);\n",
            SqlStatement.of("CREATE TABLE \"trigger\" (id INT)", 1),
            SqlStatement.of("CREATE TABLE trigger_log (id INT)", 2)),
        ParserCase.splits(
            "[bracketed] and `backticked` identifiers hide semicolons",
            "CREATE TABLE [tck;brackets] (`semi;colon` INT, [a\"b] INT);\nSELECT 1;",
            SqlStatement.of("CREATE TABLE [tck;brackets] (`semi;colon` INT, [a\"b] INT)", 1),
            SqlStatement.of("SELECT 1", 2)),
        ParserCase.splits(
            "block comments do not nest",
            "/* outer /* inner */ SELECT 1;\nSELECT 2;",
            SqlStatement.of("SELECT 1", 1),
            SqlStatement.of("SELECT 2", 2)),
        ParserCase.splits(
            "a backslash is plain text in a string",
            "SELECT 'C:\\';\nSELECT 2;",
            SqlStatement.of("SELECT 'C:\\'", 1),
            SqlStatement.of("SELECT 2", 2)),
        ParserCase.splits(
            "a -- comment ends at \\n only, as in SQLite",
            "SELECT 1; -- note\rSELECT 2;\nSELECT 3;",
            SqlStatement.of("SELECT 1", 1),
            SqlStatement.of("SELECT 3", 3)),
        ParserCase.splits(
            "VACUUM and PRAGMA foreign_keys = ... run outside a transaction",
            "PRAGMA foreign_keys = OFF;\nPRAGMA main.journal_mode=WAL;\nPRAGMA foreign_keys;\n"
                + "VACUUM;\n",
            new SqlStatement("PRAGMA foreign_keys = OFF", 1, true),
            new SqlStatement("PRAGMA main.journal_mode=WAL", 2, true),
            SqlStatement.of("PRAGMA foreign_keys", 3),
            new SqlStatement("VACUUM", 4, true)),
        ParserCase.rejects(
            "unterminated trigger body",
            "SELECT 1;\nCREATE TRIGGER tck_t AFTER INSERT ON tck_a BEGIN\n  SELECT 1;\n",
            2),
        ParserCase.rejects("unterminated [identifier", "SELECT 1;\n\nSELECT [oops;\n", 3),
        ParserCase.rejects("unterminated `identifier", "SELECT 1;\nSELECT `oops;\n", 2));
  }

  private static void deleteRecursively(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
