package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.junit.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every database kind must do; each subclass names one with {@code @MigratedDatabase}. Every
 * test that writes asserts it started from the migrated state, so a copy shared with another test
 * (or a repetition) fails it.
 */
abstract class MigratedDatabaseContract {
  private DataSource fromBeforeEach;

  /** The history table as this database's SQL names it. */
  String historyTable() {
    return "strata_schema_history";
  }

  @BeforeEach
  void rememberTheDatabase(DataSource db) {
    fromBeforeEach = db;
  }

  @Test
  void theDatabaseIsInTheStateTheMigrationsProduce(DataSource db) throws SQLException {
    assertThat(Rows.count(db, "customer")).isEqualTo(2);
    assertThat(Rows.count(db, "orders")).isZero();
    assertThat(Rows.count(db, "customer_totals")).isEqualTo(2);
    assertThat(Rows.count(db, historyTable())).isGreaterThanOrEqualTo(2);
  }

  @RepeatedTest(3)
  void eachRepetitionGetsAFreshCopy(DataSource db) throws SQLException {
    assertThat(Rows.count(db, "orders")).isZero();
    Rows.execute(db, "INSERT INTO orders (id, customer_id, total) VALUES (1, 1, 9.99)");
    assertThat(Rows.count(db, "orders")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5})
  void eachParameterizedCaseGetsAFreshCopy(int id, DataSource db) throws SQLException {
    assertThat(Rows.count(db, "customer")).isEqualTo(2);
    Rows.execute(db, "INSERT INTO customer (id, name) VALUES (" + id + ", 'case " + id + "')");
    assertThat(Rows.count(db, "customer")).isEqualTo(3);
  }

  @Test
  void theUrlAndTheLifecycleMethodsNameTheTestsOwnDatabase(DataSource db, @DatabaseUrl String url)
      throws SQLException {
    Rows.execute(db, "INSERT INTO customer (id, name) VALUES (10, 'seen by url')");
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(Rows.count(c, "customer")).isEqualTo(3);
    }
    assertThat(Rows.count(fromBeforeEach, "customer")).isEqualTo(3);
  }

  @Test
  void foreignKeysSurviveTheCopy(DataSource db) throws SQLException {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Rows.execute(db, "INSERT INTO orders (id, customer_id, total) VALUES (2, 99, 1)"))
        .isInstanceOf(SQLException.class);
  }
}
