package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.DownRequest;
import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** goose v3 folders on MariaDB: a trigger in a statement block, ordering, and down. */
@MySqlTest
class GooseOnMySqlIT {
  @Test
  void appliesTheFolderInVersionOrderAndRevertsIt(IsolatedDatabase db) throws Exception {
    var strata =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("goose:" + Fixtures.folder("goose/mysql"));

    MigrateResult result = strata.load().migrate();

    assertThat(result.applied())
        .extracting(m -> m.id().version().toString())
        .containsExactly("1", "2", "10");
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE accounts SET name = 'again'");
    }
    assertThat(Fixtures.query(db.dataSource(), "SELECT changes FROM accounts"))
        .as("the trigger, whose body holds a ';', was created whole")
        .isEqualTo("2");

    strata.load().down(DownRequest.steps(1));
    assertThat(Fixtures.query(db.dataSource(), "SELECT name FROM accounts"))
        .isEqualTo("semi;colon");
    strata.load().down(DownRequest.steps(2));

    assertThat(
            Fixtures.query(
                db.dataSource(),
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name = 'accounts'"))
        .isEqualTo("0");
  }
}
