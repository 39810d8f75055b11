package dev.strata.dialect.mysql;

import static dev.strata.dialect.mysql.MySqlMigrateIT.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB users write {@code jdbc:mariadb:} URLs, which MariaDB Connector/J serves. That driver
 * adds {@code IGNORE_SPACE} to the session's {@code sql_mode}, and every routine, trigger and view
 * records the mode it was created under; Strata takes it out again, so that the scripts are stored
 * as under the mariadb client and MySQL Connector/J.
 */
@MySqlTest
class MariaDbConnectorIT {
  @TempDir Path dir;

  @Test
  void routinesTriggersAndViewsMadeThroughMariaDbConnectorJKeepTheServersSqlMode(
      IsolatedDatabase db) throws Exception {
    Files.writeString(
        dir.resolve("V1__objects.sql"),
        "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));\n"
            + "CREATE VIEW v AS SELECT id FROM t;\n"
            + "DELIMITER //\n"
            + "CREATE PROCEDURE p() BEGIN INSERT INTO t VALUES (1, 'a;b'); END //\n"
            + "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.name = UPPER(NEW.name) //\n"
            + "DELIMITER ;\n"
            + "CALL p();\n");
    String url = db.jdbcUrl().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");

    MigrateResult result =
        Strata.configure()
            .url(url)
            .user(db.user())
            .password(db.password())
            .sources("filesystem:" + dir)
            .load()
            .migrate();

    assertThat(result.applied()).hasSize(1);
    String server = query(db, "SELECT @@GLOBAL.sql_mode").get(0);
    assertThat(server).doesNotContain("IGNORE_SPACE");
    assertThat(
            query(
                db,
                "SELECT sql_mode FROM information_schema.routines WHERE routine_schema = DATABASE()"
                    + " UNION ALL SELECT sql_mode FROM information_schema.triggers"
                    + " WHERE trigger_schema = DATABASE()"))
        .containsExactly(server, server);
    assertThat(query(db, "SELECT name FROM t")).containsExactly("A;B");
  }
}
