package dev.strata.dialect.postgres;

import static dev.strata.dialect.postgres.PostgresMigrateIT.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * psql runs each file in a fresh session, so what a migration sets for itself ({@code SET ROLE},
 * {@code SET SESSION AUTHORIZATION}, {@code search_path}, parameters) reaches neither the next
 * migration nor the history row Strata writes after it.
 */
@PostgresTest
class PostgresSessionResetIT {
  @TempDir Path dir;
  private final String role = "strata_owner_" + UUID.randomUUID().toString().substring(0, 8);
  private IsolatedDatabase db;

  @BeforeEach
  void createRole(IsolatedDatabase db) throws SQLException {
    this.db = db;
    execute("CREATE ROLE " + role + " NOLOGIN", "GRANT CREATE ON SCHEMA public TO " + role);
  }

  @AfterEach
  void dropRole() throws SQLException {
    execute("DROP OWNED BY " + role, "DROP ROLE " + role);
  }

  @Test
  void aMigrationThatChangesRoleAndSearchPathLeavesTheNextOneAndItsHistoryRowUntouched()
      throws Exception {
    file(
        "V1__as_owner.sql",
        "CREATE TABLE mine (id int);\n"
            + "CREATE SCHEMA other;\n"
            + "SET ROLE "
            + role
            + ";\n"
            + "CREATE TABLE theirs (id int);\n"
            + "SET search_path = other;\n"
            + "SET work_mem = '77MB';\n"
            + "SELECT pg_catalog.set_config('statement_timeout', '123s', false);\n");
    file(
        "V2__unqualified.sql",
        "CREATE TABLE seen AS SELECT current_user::text AS who, session_user::text AS session,"
            + " current_setting('search_path') AS path, current_setting('work_mem') AS mem,"
            + " current_setting('statement_timeout') AS timeout;\n");

    MigrateResult result = strata().migrate();

    assertThat(result.applied()).hasSize(2);
    assertThat(history()).containsExactly("1 true 7", "2 true 1");
    String me = column(db, "SELECT current_user").get(0);
    assertThat(owner("mine")).isEqualTo(me);
    assertThat(owner("theirs")).isEqualTo(role);
    assertThat(owner("seen"))
        .as("V2 ran in the migration schema as the connection's user")
        .isEqualTo(me);
    assertThat(column(db, "SELECT who || ' ' || session || ' ' || path FROM public.seen"))
        .containsExactly(me + " " + me + " public");
    assertThat(column(db, "SELECT mem || ' ' || timeout FROM public.seen"))
        .containsExactly(
            column(
                    db,
                    "SELECT current_setting('work_mem') || ' ' || current_setting('statement_timeout')")
                .get(0));
    assertThat(
            column(
                db,
                "SELECT rolname FROM pg_roles r JOIN pg_class c ON c.relowner = r.oid"
                    + " WHERE c.relname = 'strata_schema_history'"))
        .containsExactly(me);
  }

  @Test
  void aMigrationRunOutsideATransactionRecordsItsProgressAfterChangingRole() throws Exception {
    file(
        "V1__outside.sql",
        "-- strata:transaction=false\n"
            + "SET ROLE "
            + role
            + ";\n"
            + "CREATE TABLE first_step (id int);\n"
            + "SET SESSION AUTHORIZATION "
            + role
            + ";\n"
            + "CREATE TABLE second_step (id int);\n");
    file("V2__after.sql", "CREATE TABLE seen AS SELECT current_user::text AS who;\n");

    strata().migrate();

    assertThat(history()).containsExactly("1 true 4", "2 true 1");
    assertThat(owner("second_step")).isEqualTo(role);
    assertThat(column(db, "SELECT who FROM public.seen"))
        .containsExactly(column(db, "SELECT current_user").get(0));
  }

  private Strata strata() {
    return Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + dir).load();
  }

  private List<String> history() {
    return strata().history().stream()
        .map(e -> e.id().version() + " " + e.success() + " " + e.statementsApplied())
        .toList();
  }

  private String owner(String table) throws SQLException {
    return column(db, "SELECT tableowner FROM pg_tables WHERE tablename = '" + table + "'").get(0);
  }

  private void file(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  private void execute(String... sqls) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String sql : sqls) {
        s.execute(sql);
      }
    }
  }
}
