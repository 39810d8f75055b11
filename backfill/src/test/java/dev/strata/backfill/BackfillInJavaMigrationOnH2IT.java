package dev.strata.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.JavaMigration;
import dev.strata.api.JavaMigrationContext;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationPhase;
import dev.strata.api.MigrationState;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backfills in Java migrations, run by {@link Strata#migrate()} on H2. */
class BackfillInJavaMigrationOnH2IT {
  /** The backfill step of an expand/contract change: fills email_lower in batches. */
  public static final class V3__Backfill_emails implements JavaMigration {
    private final Consumer<BackfillProgress> listener;
    final List<BackfillResult> results = new ArrayList<>();

    V3__Backfill_emails(Consumer<BackfillProgress> listener) {
      this.listener = listener;
    }

    @Override
    public boolean transactional() {
      return false; // batches commit themselves
    }

    @Override
    public void up(JavaMigrationContext context) throws SQLException {
      results.add(
          Backfill.table("person")
              .key("id")
              .batchSize(1_000)
              .set("email_lower = LOWER(email), updated_count = updated_count + 1")
              .onProgress(listener)
              .run(context));
    }
  }

  /** The same backfill, forgetting that it must run outside the migration's transaction. */
  public static final class V3__Backfill_in_a_transaction implements JavaMigration {
    @Override
    public void up(JavaMigrationContext context) throws SQLException {
      Backfill.table("person").key("id").set("email_lower = LOWER(email)").run(context);
    }
  }

  /** Stands for the process dying: an Error passes the engine's handling of a failed migration. */
  static final class SimulatedKill extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedKill() {
      super("killed");
    }
  }

  @TempDir Path dir;
  final String url =
      "jdbc:h2:mem:b" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";

  @BeforeEach
  void writeMigrations() throws Exception {
    Files.writeString(
        dir.resolve("V1__person.sql"),
        "CREATE TABLE person (id BIGINT PRIMARY KEY, email VARCHAR(100),"
            + " updated_count INT DEFAULT 0 NOT NULL);\n"
            + "INSERT INTO person (id, email) SELECT X, 'User' || X || '@Example.com'"
            + " FROM SYSTEM_RANGE(1, 2500);\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("V2__add_email_lower.sql"),
        "ALTER TABLE person ADD COLUMN email_lower VARCHAR(100);\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("V4__require_email_lower.sql"),
        "-- strata:phase=contract\n"
            + "ALTER TABLE person ALTER COLUMN email_lower SET NOT NULL;\n"
            + "ALTER TABLE person DROP COLUMN email;\n",
        StandardCharsets.UTF_8);
  }

  StrataConfiguration.Builder configure(JavaMigration backfill) {
    return Strata.configure().url(url).sources("filesystem:" + dir).javaMigrations(backfill);
  }

  @Test
  void runsTheBackfillStepOfAnExpandAndContractChange() throws Exception {
    V3__Backfill_emails backfill = new V3__Backfill_emails(p -> {});

    var expand = configure(backfill).phase(MigrationPhase.EXPAND).load().migrate();

    assertThat(expand.summary()).contains("(V1, V2, V3)");
    assertThat(backfill.results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.batches()).isEqualTo(3);
              assertThat(r.rowsUpdated()).isEqualTo(2500);
            });
    assertThat(count("SELECT COUNT(*) FROM person WHERE updated_count <> 1 OR email_lower IS NULL"))
        .isZero();
    assertThat(column("SELECT email_lower FROM person WHERE id = 7"))
        .containsExactly("user7@example.com");

    var contract = configure(backfill).phase(MigrationPhase.CONTRACT).load().migrate();

    assertThat(contract.summary()).contains("(V4)");
    assertThat(history()).containsExactly("1 TRUE", "2 TRUE", "3 TRUE", "4 TRUE");
  }

  @Test
  void recordsItsProgressInTheMigrationSchema() throws Exception {
    configure(new V3__Backfill_emails(p -> {})).load().migrate();

    assertThat(
            column(
                "SELECT \"finished\" || ' ' || \"rows_done\" FROM \"PUBLIC\".\"strata_backfill\""))
        .containsExactly("TRUE 2500");
  }

  @Test
  void resumesWhenTheMigrationRunsAgainAfterItsProcessWasKilled() throws Exception {
    V3__Backfill_emails killedAfterTwoBatches =
        new V3__Backfill_emails(
            p -> {
              if (p.batches() == 2) {
                throw new SimulatedKill();
              }
            });
    assertThatThrownBy(() -> configure(killedAfterTwoBatches).load().migrate())
        .isInstanceOf(SimulatedKill.class);
    assertThat(count("SELECT COUNT(*) FROM person WHERE updated_count = 1")).isEqualTo(2000);

    // The history row written before the backfill says that nothing of V3 completed, so the
    // migration is still pending: no repair is needed.
    V3__Backfill_emails again = new V3__Backfill_emails(p -> {});
    configure(again).load().migrate();

    assertThat(again.results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.resumed()).isTrue();
              assertThat(r.batches()).isEqualTo(1);
              assertThat(r.rowsDone()).isEqualTo(2500);
            });
    assertThat(count("SELECT COUNT(*) FROM person WHERE updated_count <> 1")).isZero();
  }

  @Test
  void resumesAfterAFailedMigrationIsRepaired() throws Exception {
    V3__Backfill_emails failsAfterTwoBatches =
        new V3__Backfill_emails(
            p -> {
              if (p.batches() == 2) {
                throw new IllegalStateException("the listener gave up");
              }
            });
    assertThatThrownBy(() -> configure(failsAfterTwoBatches).load().migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("the listener gave up")
        .hasMessageContaining("It ran outside a transaction");
    Strata strata = configure(new V3__Backfill_emails(p -> {})).load();
    assertThat(strata.status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(
            MigrationState.APPLIED,
            MigrationState.APPLIED,
            MigrationState.FAILED,
            MigrationState.PENDING);

    strata.repair();
    strata.migrate();

    assertThat(count("SELECT COUNT(*) FROM person WHERE updated_count <> 1")).isZero();
    assertThat(strata.status().migrations())
        .extracting(MigrationInfo::state)
        .containsOnly(MigrationState.APPLIED);
  }

  @Test
  void refusesToRunInAJavaMigrationThatKeepsItsTransaction() throws Exception {
    Strata strata = configure(new V3__Backfill_in_a_transaction()).load();

    assertThatThrownBy(strata::migrate)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("Applying V3 Backfill in a transaction failed")
        .hasMessageContaining("cannot run inside a transaction: return false from transactional()")
        .hasMessageContaining("rolled back");
    assertThat(count("SELECT COUNT(*) FROM person WHERE email_lower IS NOT NULL")).isZero();
    assertThat(strata.status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(
            MigrationState.APPLIED,
            MigrationState.APPLIED,
            MigrationState.PENDING,
            MigrationState.PENDING);
  }

  private List<String> history() throws SQLException {
    return column(
        "SELECT \"installed_rank\" || ' ' || \"success\" FROM \"PUBLIC\".\"strata_schema_history\""
            + " WHERE \"installed_rank\" > 0 ORDER BY \"installed_rank\"");
  }

  private long count(String sql) throws SQLException {
    return Long.parseLong(column(sql).get(0));
  }

  private List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
