package com.example.strata.bookshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.Strata;
import dev.strata.junit.DatabaseUrl;
import dev.strata.junit.MigratedDatabase;
import dev.strata.junit.MigratedDatabase.Database;
import dev.strata.junit.MigratedDatabase.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot test of the application on a database strata-junit migrated: the class's copy of
 * the migrated template ({@code scope = CLASS}: Spring's application context lives as long as the
 * test class, not one test), handed to the context through {@code @DynamicPropertySource}. With
 * {@code strata.mode=validate} the starter checks the copy instead of migrating it, and the context
 * would not start on a mismatch. Every test class that does this gets a copy of its own, so classes
 * running in parallel never see each other's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@MigratedDatabase(database = Database.POSTGRESQL, scope = Scope.CLASS)
@DirtiesContext // closes the context when the class ends, before strata-junit drops its copy
class BookshopSpringTest {
  private static String copyUrl;
  private static DataSource copy;

  @Autowired private BookRepository books;
  @Autowired private DataSource applicationDataSource;
  @Autowired private Strata strata;

  /** The class's copy: {@code @BeforeAll} runs before Spring builds the context. */
  @BeforeAll
  static void takeTheClassCopy(@DatabaseUrl String url, DataSource dataSource) {
    copyUrl = url;
    copy = dataSource;
  }

  @DynamicPropertySource
  static void pointTheContextAtTheCopy(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> copyUrl);
    registry.add("strata.mode", () -> "validate");
  }

  @Test
  void theApplicationRunsOnTheClassCopy() throws SQLException {
    assertThat(currentDatabase(applicationDataSource))
        .startsWith("strata_test_")
        .isEqualTo(currentDatabase(copy));
  }

  @Test
  void hibernateValidatedTheMigratedSchemaAndReadsItsRows() {
    assertThat(books.findAllWithAuthors())
        .extracting(Book::getTitle)
        .containsExactly("Invisible Cities", "The Dispossessed");
  }

  @Test
  void theStarterFoundTheCopyUpToDate() {
    assertThat(strata.validate(true).isValid()).isTrue();
  }

  private static String currentDatabase(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database()")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
