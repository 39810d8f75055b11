package com.example.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.junit.DatabaseUrl;
import dev.strata.junit.MigratedDatabase;
import dev.strata.junit.MigratedDatabase.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** strata-junit on JUnit 5.14: fresh copies per repetition and per case, on H2 and PostgreSQL. */
class OnJunit5Test {
  static long customers(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customer")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void addCustomer(DataSource db, int id) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO customer (id, name) VALUES (" + id + ", 'new')");
      assertThat(customers(c)).isEqualTo(3);
    }
  }

  @MigratedDatabase
  @Nested
  class OnH2 {
    @RepeatedTest(2)
    void eachRepetitionStartsFromTheMigrations(DataSource db) throws SQLException {
      addCustomer(db, 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void eachCaseStartsFromTheMigrations(int id, @DatabaseUrl String url) throws SQLException {
      try (Connection c = DriverManager.getConnection(url)) {
        assertThat(customers(c)).isEqualTo(2);
      }
    }
  }

  @MigratedDatabase(database = Database.POSTGRESQL)
  @Nested
  class OnPostgres {
    @RepeatedTest(2)
    void eachRepetitionStartsFromTheMigrations(DataSource db) throws SQLException {
      addCustomer(db, 3);
    }

    @Test
    void isPostgres(DataSource db) throws SQLException {
      try (Connection c = db.getConnection()) {
        assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      }
    }
  }
}
