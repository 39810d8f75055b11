package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.junit.MigratedDatabase;
import dev.strata.junit.MigratedDatabase.Scope;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Scope.CLASS: the tests of one class share one copy, in order. */
@MigratedDatabase(scope = Scope.CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassScopeTest {
  @Test
  @Order(1)
  void theFirstTestWrites(DataSource db) throws SQLException {
    Rows.execute(db, "INSERT INTO customer (id, name) VALUES (3, 'kept for the class')");
    assertThat(Rows.count(db, "customer")).isEqualTo(3);
  }

  @Test
  @Order(2)
  void theNextTestSeesItsRows(DataSource db) throws SQLException {
    assertThat(Rows.count(db, "customer")).isEqualTo(3);
  }
}
