package dev.strata.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's sql_mode is recorded with each migration, for reproducibility. */
@MySqlTest
class MySqlSessionRecordIT {
  @TempDir Path dir;

  @Test
  void recordsTheSqlModeEachMigrationRanUnder(IsolatedDatabase db) throws Exception {
    Files.writeString(
        dir.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n", StandardCharsets.UTF_8);

    Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + dir).load().migrate();

    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT session_info, @@SESSION.sql_mode FROM strata_schema_history WHERE installed_rank = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("sql_mode=" + rs.getString(2));
    }
  }
}
