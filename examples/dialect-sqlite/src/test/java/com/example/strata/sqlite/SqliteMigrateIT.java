package com.example.strata.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationFailedException;
import dev.strata.core.Strata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end as a user runs it: a JDBC URL and a folder of migrations, the dialect found by {@link
 * java.util.ServiceLoader} from the packaged jar.
 */
class SqliteMigrateIT {
  @TempDir Path dir;
  private Path migrations;
  private String url;

  @BeforeEach
  void createFolders() throws Exception {
    migrations = Files.createDirectory(dir.resolve("migrations"));
    url = "jdbc:sqlite:" + dir.resolve("app.db");
  }

  @Test
  void appliesMigrationsWithATriggerAndThenNothing() throws Exception {
    Files.writeString(
        migrations.resolve("V1__orders.sql"),
        """
        CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL);
        CREATE TABLE order_log (order_id INTEGER NOT NULL, note TEXT NOT NULL);
        """);
    Files.writeString(
        migrations.resolve("V2__audit_orders.sql"),
        """
        -- Every new order is logged; the semicolons inside the body stay in the trigger.
        CREATE TRIGGER orders_audit AFTER INSERT ON orders
        BEGIN
          INSERT INTO order_log VALUES (new.id, 'created; total ' || new.total);
        END;
        INSERT INTO orders (id, total) VALUES (1, 42);
        """);
    Strata strata = Strata.configure().url(url).sources("filesystem:" + migrations).load();

    MigrateResult result = strata.migrate();

    assertThat(result.applied())
        .extracting(m -> m.id().toString())
        .containsExactly("V1 orders", "V2 audit orders");
    assertThat(strata.migrate().applied()).as("applied by a second run").isEmpty();
    assertThat(strata.status().isUpToDate()).isTrue();
    assertThat(strata.history()).extracting(HistoryEntry::statementsApplied).containsExactly(2, 2);
    assertThat(query("SELECT note FROM order_log")).containsExactly("created; total 42");
    assertThat(dir.resolve("app.db.main.strata_schema_history.lock")).exists();
  }

  @Test
  void rollsBackAFailedMigrationTriggerIncluded() throws Exception {
    Files.writeString(
        migrations.resolve("V1__orders.sql"), "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n");
    Files.writeString(
        migrations.resolve("V2__broken.sql"),
        """
        CREATE TRIGGER orders_guard BEFORE DELETE ON orders
        BEGIN
          SELECT RAISE(ABORT, 'orders are never deleted; archive them');
        END;
        INSERT INTO no_such_table VALUES (1);
        """);
    Strata strata = Strata.configure().url(url).sources("filesystem:" + migrations).load();

    assertThatThrownBy(strata::migrate)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("V2__broken.sql:5")
        .hasMessageContaining("nothing of it is applied");

    assertThat(query("SELECT name FROM sqlite_master WHERE type = 'trigger'")).isEmpty();
    assertThat(query("SELECT name FROM sqlite_master WHERE name = 'orders'")).hasSize(1);
  }

  private List<String> query(String sql) throws Exception {
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
