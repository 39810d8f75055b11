package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.junit.StrataExtension;
import dev.strata.junit.MigratedDatabase.Database;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MySQL/MariaDB from a server: STRATA_TEST_MYSQL_URL where set, else the conventional local one
 * (skipped where none answers, failed under CI=true).
 */
@EnabledIf("serverAnswersOrIsRequired")
class MySqlDatabaseTest extends MigratedDatabaseContract {
  private static final String URL =
      System.getenv().getOrDefault("STRATA_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/test?user=root");

  @RegisterExtension
  static final StrataExtension DB =
      StrataExtension.builder().database(Database.MYSQL).serverUrl(URL).build();

  /** Skipped where no server answers, unless one is configured or CI=true requires it. */
  static boolean serverAnswersOrIsRequired() {
    if (System.getenv("STRATA_TEST_MYSQL_URL") != null || "true".equals(System.getenv("CI"))) {
      return true;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 3306), 1000);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void theHistoryTableIsCopiedWithItsRows(DataSource db) throws SQLException {
    assertThat(Rows.count(db, historyTable())).isGreaterThanOrEqualTo(2);
  }
}
