package dev.strata.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.JavaMigrationContext;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Backfills on MySQL (MariaDB here): backtick quoting, the batch bound's SQL, resuming. */
@MySqlTest
class BackfillOnMySqlIT {
  @Test
  void resumesAStoppedRunAndUpdatesEveryRowExactlyOnce(IsolatedDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE person (id BIGINT PRIMARY KEY, email VARCHAR(100), email_lower VARCHAR(100),"
              + " updated_count INT NOT NULL DEFAULT 0)");
      String digits =
          "(SELECT 0 i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
              + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
      s.execute(
          "INSERT INTO person (id, email) SELECT n, CONCAT('User', n, '@Example.com') FROM (SELECT"
              + " a.i * 1000 + b.i * 100 + c.i * 10 + d.i + 1 n FROM "
              + digits
              + " a, "
              + digits
              + " b, "
              + digits
              + " c, "
              + digits
              + " d) numbers WHERE n <= 5000");
      Backfill emails =
          Backfill.table("person")
              .key("id")
              .batchSize(500)
              .set("email_lower = LOWER(email), updated_count = updated_count + 1");
      JavaMigrationContext context = new JavaMigrationContext(c, db.name());
      assertThatThrownBy(
              () ->
                  emails
                      .onProgress(
                          p -> {
                            if (p.batches() == 3) {
                              throw new IllegalStateException("stop");
                            }
                          })
                      .run(context))
          .hasMessage("stop");

      BackfillResult result = emails.run(context);

      assertThat(result.resumed()).isTrue();
      assertThat(result.rowsUpdated()).isEqualTo(3500);
      assertThat(c.getAutoCommit()).isTrue();
    }
    assertThat(
            count(
                db, "SELECT COUNT(*) FROM person WHERE updated_count <> 1 OR email_lower IS NULL"))
        .isZero();
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM `strata_backfill` WHERE `finished` AND `rows_done` = 5000"))
        .isEqualTo(1);
  }

  @Test
  void quotesNamesWithBackticks(IsolatedDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE `Order Line` (`Line Id` VARCHAR(20) PRIMARY KEY, qty INT NOT NULL DEFAULT 0)");
      s.execute("INSERT INTO `Order Line` (`Line Id`) VALUES ('a'), ('b'), ('c'), ('d'), ('e')");

      Backfill.table("Order Line")
          .key("Line Id")
          .set("qty = qty + 1")
          .batchSize(2)
          .run(new JavaMigrationContext(c, db.name()));
    }
    assertThat(count(db, "SELECT COUNT(*) FROM `Order Line` WHERE qty = 1")).isEqualTo(5);
  }

  private static long count(IsolatedDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
