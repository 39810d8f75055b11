package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.junit.MigratedDatabase;
import dev.strata.junit.MigratedDatabase.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** PostgreSQL; in this build from the embedded binaries (the pom clears STRATA_TEST_POSTGRES_URL). */
@MigratedDatabase(database = Database.POSTGRESQL)
class PostgresDatabaseTest extends MigratedDatabaseContract {
  @Test
  void isARealPostgresServer(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database(), version()")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("strata_test_");
      assertThat(rs.getString(2)).startsWith("PostgreSQL ");
    }
  }
}
