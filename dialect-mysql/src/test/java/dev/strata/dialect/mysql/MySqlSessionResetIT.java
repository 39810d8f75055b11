package dev.strata.dialect.mysql;

import static dev.strata.dialect.mysql.MySqlMigrateIT.execute;
import static dev.strata.dialect.mysql.MySqlMigrateIT.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mariadb client runs each file in a fresh session: what a migration sets for itself ({@code
 * USE}, {@code sql_mode}, {@code FOREIGN_KEY_CHECKS}, {@code LOCK TABLES}) reaches neither the next
 * migration nor the history rows, and mysqldump's output applies as it is.
 */
@MySqlTest
class MySqlSessionResetIT {
  @TempDir Path dir;

  @Test
  void aMigrationThatChangesDatabaseAndSqlModeLeavesTheNextOneAsAFreshSessionWouldStart(
      IsolatedDatabase db) throws Exception {
    String other = db.name() + "_other";
    execute(db, "CREATE DATABASE `" + other + "`");
    try {
      file(
          "V1__elsewhere.sql",
          "SET sql_mode = 'ANSI_QUOTES';\n"
              + "SET FOREIGN_KEY_CHECKS = 0;\n"
              + "SET time_zone = '+05:00';\n"
              + "/*!40101 SET NAMES latin1 */;\n"
              + "USE `"
              + other
              + "`;\n"
              + "CREATE TABLE in_other (id INT);\n");
      file(
          "V2__unqualified.sql",
          "CREATE TABLE seen AS SELECT DATABASE() AS db, @@SESSION.foreign_key_checks AS fk,"
              + " @@SESSION.time_zone AS tz, @@SESSION.character_set_client AS cs;\n"
              + "ALTER TABLE seen ADD COLUMN note VARCHAR(40);\n"
              + "INSERT INTO seen (note) VALUES (\"a double-quoted string\");\n");

      MigrateResult result = strata(db).migrate();

      assertThat(result.applied()).hasSize(2);
      assertThat(history(db)).containsExactly("1 true 6", "2 true 3");
      assertThat(
              query(
                  db,
                  "SELECT table_schema FROM information_schema.tables"
                      + " WHERE table_name = 'in_other'"))
          .containsExactly(other);
      String fresh =
          query(db, "SELECT CONCAT_WS(' ', @@SESSION.time_zone, @@SESSION.character_set_client)")
              .get(0);
      assertThat(query(db, "SELECT CONCAT_WS(' ', db, fk, tz, cs) FROM seen WHERE db IS NOT NULL"))
          .containsExactly(db.name() + " 1 " + fresh);
      assertThat(query(db, "SELECT note FROM seen WHERE note IS NOT NULL"))
          .as("without ANSI_QUOTES a double-quoted string is a string")
          .containsExactly("a double-quoted string");
    } finally {
      execute(db, "DROP DATABASE `" + other + "`");
    }
  }

  /**
   * mysqldump's own shape: session variables set in versioned comments, each table's rows between
   * {@code LOCK TABLES ... WRITE} and {@code UNLOCK TABLES}. While the script holds table locks its
   * connection can touch no other table, so the progress rows go through the lock's connection.
   */
  @Test
  void appliesAMysqldumpScriptThatLocksTablesAndRecordsItsProgressHonestly(IsolatedDatabase db)
      throws Exception {
    file(
        "V1__dump.sql",
        "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
            + "/*!40101 SET NAMES utf8mb4 */;\n"
            + "/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n"
            + "/*!40103 SET TIME_ZONE='+00:00' */;\n"
            + "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n"
            + "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n"
            + "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n"
            + "DROP TABLE IF EXISTS `customer`;\n"
            + "CREATE TABLE `customer` (\n"
            + "  `id` int NOT NULL,\n"
            + "  `name` varchar(20) DEFAULT NULL,\n"
            + "  PRIMARY KEY (`id`)\n"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
            + "LOCK TABLES `customer` WRITE;\n"
            + "/*!40000 ALTER TABLE `customer` DISABLE KEYS */;\n"
            + "INSERT INTO `customer` VALUES (1,'ann'),(2,'bob');\n"
            + "/*!40000 ALTER TABLE `customer` ENABLE KEYS */;\n"
            + "UNLOCK TABLES;\n"
            + "/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n");
    file(
        "V2__left_locked.sql",
        "LOCK TABLES `customer` WRITE;\nINSERT INTO `customer` VALUES (3,'cat');\n");
    file("V3__after.sql", "INSERT INTO customer VALUES (4, 'dan');\n");

    MigrateResult result = strata(db).migrate();

    assertThat(result.applied()).hasSize(3);
    assertThat(history(db)).containsExactly("1 true 15", "2 true 2", "3 true 1");
    assertThat(query(db, "SELECT GROUP_CONCAT(name ORDER BY id) FROM customer"))
        .containsExactly("ann,bob,cat,dan");
  }

  private Strata strata(IsolatedDatabase db) {
    return Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + dir).load();
  }

  private List<String> history(IsolatedDatabase db) {
    return strata(db).history().stream()
        .map(e -> e.id().version() + " " + e.success() + " " + e.statementsApplied())
        .toList();
  }

  private void file(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }
}
