package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationPhase;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A column rename done the expand/contract way, with old and new code running in between. */
@PostgresTest
class PostgresPhasesIT {
  @TempDir Path dir;

  void file(String name, String sql) throws Exception {
    Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
  }

  Strata strata(IsolatedDatabase db, MigrationPhase phase) {
    return Strata.configure()
        .dataSource(db.dataSource())
        .sources("filesystem:" + dir)
        .phase(phase)
        .load();
  }

  /** What the old code does: reads and writes fullname. */
  static String oldCode(Connection c, int id) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO person (id, fullname) VALUES (" + id + ", 'Old " + id + "')");
      try (ResultSet rs = s.executeQuery("SELECT fullname FROM person WHERE id = " + id)) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** What the new code does: writes both while both exist, reads name. */
  static String newCode(Connection c, int id, boolean writeBoth) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          writeBoth
              ? "INSERT INTO person (id, fullname, name) VALUES ("
                  + id
                  + ", 'New "
                  + id
                  + "', 'New "
                  + id
                  + "')"
              : "INSERT INTO person (id, name) VALUES (" + id + ", 'New " + id + "')");
      try (ResultSet rs = s.executeQuery("SELECT name FROM person WHERE id = " + id)) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void oldCodeKeepsWorkingAfterTheExpandPhaseAndNewCodeAfterTheContractPhase(IsolatedDatabase db)
      throws Exception {
    file(
        "V1__person.sql",
        "CREATE TABLE person (id int PRIMARY KEY, fullname text NOT NULL);\n"
            + "INSERT INTO person VALUES (1, 'Ada');\n");
    file("V2__add_name.sql", "ALTER TABLE person ADD COLUMN name text;\n");
    file("V3__backfill_name.sql", "UPDATE person SET name = fullname WHERE name IS NULL;\n");
    file(
        "V4__drop_fullname.sql",
        "-- strata:phase=contract\nALTER TABLE person DROP COLUMN fullname;\n");

    assertThat(strata(db, MigrationPhase.EXPAND).migrate().summary()).contains("(V1, V2, V3)");
    try (Connection c = db.connect()) {
      assertThat(oldCode(c, 2))
          .isEqualTo("Old 2"); // a rollback of the code needs no down migration
      assertThat(newCode(c, 3, true)).isEqualTo("New 3");
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "UPDATE person SET name = fullname WHERE name IS NULL"); // the backfill again
      }
    }

    assertThat(strata(db, MigrationPhase.CONTRACT).migrate().summary()).contains("(V4)");
    try (Connection c = db.connect()) {
      assertThat(newCode(c, 4, false)).isEqualTo("New 4");
      assertThatThrownBy(() -> oldCode(c, 5))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("fullname");
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM person WHERE name IS NULL")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }
}
