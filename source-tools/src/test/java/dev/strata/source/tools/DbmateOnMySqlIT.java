package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.DownRequest;
import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import org.junit.jupiter.api.Test;

/** dbmate folders on MariaDB: multi-statement blocks, a file of two sections, and down. */
@MySqlTest
class DbmateOnMySqlIT {
  @Test
  void appliesTheBlocksAndRevertsThem(IsolatedDatabase db) throws Exception {
    var strata =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("dbmate:" + Fixtures.folder("dbmate/mysql"));

    MigrateResult result = strata.load().migrate();

    assertThat(result.applied()).hasSize(2);
    assertThat(Fixtures.query(db.dataSource(), "SELECT count(*) FROM accounts")).isEqualTo("2");
    assertThat(Fixtures.query(db.dataSource(), "SELECT count(*) FROM tags")).isEqualTo("0");

    strata.load().down(DownRequest.steps(2));

    assertThat(
            Fixtures.query(
                db.dataSource(),
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name IN ('accounts', 'notes', 'tags')"))
        .isEqualTo("0");
  }
}
