package dev.strata.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrationState;
import dev.strata.api.ValidationException;
import dev.strata.api.schema.SchemaDriftException;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter against a real PostgreSQL database, through the PostgreSQL dialect. */
@PostgresTest
class StrataPostgresIT {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(StrataAutoConfiguration.class));

  @Test
  void migratesAtStartupThenStartsInValidateMode(IsolatedDatabase db) {
    runner
        .withBean(DataSource.class, db::dataSource)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(tables(db)).contains("people", "strata_schema_history");
              assertThat(context.getBean(Strata.class).status().migrations())
                  .extracting(m -> m.state())
                  .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
            });
    runner
        .withBean(DataSource.class, db::dataSource)
        .withPropertyValues("strata.mode=validate")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void refusesToStartInValidateModeNamingThePendingMigrations(IsolatedDatabase db)
      throws SQLException {
    runner
        .withBean(DataSource.class, db::dataSource)
        .withPropertyValues("strata.mode=validate")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(ValidationException.class)
                  .hasMessageContaining("V1 create people")
                  .hasMessageContaining("V2 add email");
            });
    assertThat(tables(db)).isEmpty();
  }

  @Test
  void validateSchemaRefusesToStartOnAHandMadeIndexNamingIt(IsolatedDatabase db)
      throws SQLException {
    ApplicationContextRunner onUrl =
        runner.withPropertyValues("strata.url=" + db.jdbcUrl(), "strata.validate-schema=true");
    onUrl.run(context -> assertThat(context).hasNotFailed());
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE INDEX hand_made ON people (name)");
    }

    onUrl.run(
        context ->
            assertThat(context.getStartupFailure())
                .rootCause()
                .isInstanceOf(SchemaDriftException.class)
                .hasMessageContaining("in the scratch database strata_shadow_")
                .hasMessageEndingWith(
                    "; 1 difference):\n"
                        + "  - unexpected index people.hand_made: actual CREATE INDEX hand_made"
                        + " ON people USING btree (name)"));
  }

  @Test
  void migratesTheDatabaseOfStrataUrl(IsolatedDatabase db) {
    runner
        .withPropertyValues("strata.url=" + db.jdbcUrl())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(tables(db)).contains("people");
              String shown = context.getBean(Strata.class).configuration().displayUrl();
              assertThat(shown).startsWith("jdbc:postgresql:");
              if (!db.password().isEmpty()) {
                assertThat(shown).doesNotContain(db.password());
              }
            });
  }

  @Test
  void replicasStartingTogetherApplyEachMigrationOnce(IsolatedDatabase db) throws Exception {
    int replicas = 4;
    ExecutorService pool = Executors.newFixedThreadPool(replicas);
    try {
      List<Future<Throwable>> started = new ArrayList<>();
      for (int i = 0; i < replicas; i++) {
        started.add(
            pool.submit(
                () -> {
                  Throwable[] failure = new Throwable[1];
                  runner
                      .withBean(DataSource.class, db::dataSource)
                      .run(context -> failure[0] = context.getStartupFailure());
                  return failure[0];
                }));
      }
      for (Future<Throwable> f : started) {
        assertThat(f.get()).isNull();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(db, "SELECT count(*) FROM people")).isEqualTo(1); // V2 inserts one row
    runner
        .withBean(DataSource.class, db::dataSource)
        .withPropertyValues("strata.mode=none")
        .run(context -> assertThat(context.getBean(Strata.class).history()).hasSize(2));
  }

  private static List<String> tables(IsolatedDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    }
  }

  private static long count(IsolatedDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
