package dev.strata.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObject;
import dev.strata.api.schema.SchemaObjectType;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.DumpedObjects;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MySQL/MariaDB schema model: each kind of object with its definition, every object {@code
 * mariadb-dump --no-data --routines --triggers} shows for the corpus sets, and a dump that does not
 * depend on the order objects were created in.
 */
@MySqlTest
class MySqlSchemaInspectionIT {
  private static final List<String> OBJECTS =
      List.of(
          "CREATE TABLE customers (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
              + " email VARCHAR(100) COLLATE utf8mb4_bin NOT NULL COMMENT 'login',"
              + " created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
              + " score INT DEFAULT 0, UNIQUE KEY customers_email (email))"
              + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='people'",
          "CREATE TABLE orders (id INT PRIMARY KEY, customer_id BIGINT NOT NULL,"
              + " total DECIMAL(10,2) NOT NULL DEFAULT 0, net DECIMAL(10,2) AS (total * 0.8) VIRTUAL,"
              + " status VARCHAR(10), CONSTRAINT positive CHECK (total >= 0),"
              + " FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,"
              + " KEY orders_status (status(4), total DESC))",
          "CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10",
          "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
          "CREATE FUNCTION net_of(t DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC"
              + " RETURN t * 0.8",
          "CREATE PROCEDURE purge_orders() DELETE FROM orders",
          "CREATE TRIGGER orders_check BEFORE INSERT ON orders FOR EACH ROW SET NEW.status ="
              + " COALESCE(NEW.status, 'open')");

  @TempDir Path dir;

  @Test
  void readsEveryKindOfObjectWithTheServersOwnDefinition(IsolatedDatabase db) throws Exception {
    create(db, OBJECTS);

    SchemaModel model = strata(db).inspectSchema();

    assertThat(definition(model, SchemaObjectType.TABLE, null, "customers"))
        .isEqualTo(
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='people'");
    assertThat(definition(model, SchemaObjectType.COLUMN, "customers", "id"))
        .isEqualTo("bigint(20) NOT NULL AUTO_INCREMENT");
    assertThat(definition(model, SchemaObjectType.COLUMN, "customers", "email"))
        .isEqualTo(
            "varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL COMMENT 'login'");
    assertThat(definition(model, SchemaObjectType.COLUMN, "customers", "created"))
        .isEqualTo("timestamp NOT NULL DEFAULT current_timestamp()");
    assertThat(definition(model, SchemaObjectType.COLUMN, "orders", "net"))
        .isEqualTo("decimal(10,2) GENERATED ALWAYS AS (`total` * 0.8) VIRTUAL");
    assertThat(definition(model, SchemaObjectType.CONSTRAINT, "orders", "PRIMARY"))
        .isEqualTo("PRIMARY KEY (`id`)");
    assertThat(definition(model, SchemaObjectType.CONSTRAINT, "orders", "orders_ibfk_1"))
        .as("the server's own name for the foreign key")
        .isEqualTo(
            "FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE"
                + " ON UPDATE RESTRICT");
    assertThat(definition(model, SchemaObjectType.CONSTRAINT, "orders", "positive"))
        .isEqualTo("CHECK (`total` >= 0)");
    assertThat(definition(model, SchemaObjectType.INDEX, "customers", "customers_email"))
        .isEqualTo("CREATE UNIQUE INDEX `customers_email` ON `customers` (`email`) USING BTREE");
    assertThat(definition(model, SchemaObjectType.INDEX, "orders", "orders_status"))
        .isEqualTo(
            "CREATE INDEX `orders_status` ON `orders` (`status`(4), `total` DESC) USING BTREE");
    assertThat(definition(model, SchemaObjectType.SEQUENCE, null, "invoice_numbers"))
        .isEqualTo(
            "CREATE SEQUENCE `invoice_numbers` start with 1000 minvalue 1 maxvalue"
                + " 9223372036854775806 increment by 10 cache 1000 nocycle");
    assertThat(definition(model, SchemaObjectType.VIEW, null, "big_orders"))
        .isEqualTo(
            "CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `big_orders` AS select"
                + " `orders`.`id` AS `id`,`orders`.`total` AS `total` from `orders` where"
                + " `orders`.`total` > 100");
    assertThat(definition(model, SchemaObjectType.FUNCTION, null, "net_of"))
        .isEqualTo(
            "CREATE FUNCTION `net_of`(t DECIMAL(10,2)) RETURNS decimal(10,2)\n"
                + "    DETERMINISTIC\nRETURN t * 0.8");
    assertThat(definition(model, SchemaObjectType.PROCEDURE, null, "purge_orders"))
        .isEqualTo("CREATE PROCEDURE `purge_orders`()\nDELETE FROM orders");
    assertThat(definition(model, SchemaObjectType.TRIGGER, "orders", "orders_check"))
        .isEqualTo(
            "CREATE TRIGGER orders_check BEFORE INSERT ON orders FOR EACH ROW SET NEW.status ="
                + " COALESCE(NEW.status, 'open')");
    assertThat(model.objects())
        .as("Strata's own table is never part of the model")
        .noneMatch(
            o -> o.name().startsWith("strata_") || "strata_schema_history".equals(o.table()));
    assertThat(model.objects()).noneMatch(o -> o.definition().contains(db.name()));
  }

  @Test
  void dumpsTheSameBytesWhateverTheOrderObjectsWereCreatedIn(
      IsolatedDatabase first, IsolatedDatabase second) throws Exception {
    create(first, OBJECTS);
    List<String> reversed = new ArrayList<>(OBJECTS.subList(2, 6));
    Collections.reverse(reversed);
    List<String> order = new ArrayList<>(OBJECTS.subList(0, 2));
    order.addAll(reversed);
    order.add(OBJECTS.get(6));
    create(second, order);

    String dump = strata(first).dumpSchema();

    assertThat(strata(first).dumpSchema()).isEqualTo(dump);
    assertThat(strata(second).dumpSchema()).isEqualTo(dump);
    assertThat(dump)
        .contains(
            "\n-- table customers\nCREATE TABLE `customers` (\n    `created` timestamp NOT NULL"
                + " DEFAULT current_timestamp(),\n")
        .doesNotContain("AUTO_INCREMENT=", "DEFINER=", first.name(), "strata_schema_history");
  }

  @Test
  void seesEveryObjectTheDumpShowsForSakila(IsolatedDatabase db) throws Exception {
    Path files = Corpus.require("torture-sakila-mysql").resolve("files/mysql-sakila-db");
    String sakila = db.name() + "_sakila";
    String script =
        Files.readString(files.resolve("mysql-sakila-schema.sql"), StandardCharsets.UTF_8)
            .replaceAll("\\bsakila\\b", sakila);
    Files.writeString(dir.resolve("V1__sakila.sql"), script, StandardCharsets.UTF_8);
    try {
      Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + dir).load().migrate();

      assertSeesWhatTheDumpShows(db, sakila, 16 + 7 + 6 + 6);
    } finally {
      MySqlMigrateIT.execute(db, "DROP DATABASE IF EXISTS `" + sakila + "`");
    }
  }

  @Test
  void seesEveryObjectTheDumpShowsForTheKestraAndKetoSetsWhereTheClientStopped(
      IsolatedDatabase kestra, IsolatedDatabase keto) throws Exception {
    for (var set : List.of(List.of("flyway-kestra-mysql", kestra), List.of("ory-keto", keto))) {
      IsolatedDatabase db = (IsolatedDatabase) set.get(1);
      Path migrations = Corpus.require((String) set.get(0)).resolve("migrations");
      try {
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("filesystem:" + migrations)
            .load()
            .migrate();
      } catch (dev.strata.api.MigrationFailedException expected) {
        // Both stop where the mariadb client stops (MySqlCorpusIT); the schema up to there counts.
      }
      assertSeesWhatTheDumpShows(db, db.name(), 1);
    }
  }

  /**
   * Every table, view, key, index, constraint, trigger and routine of the {@code mariadb-dump} of
   * {@code database} is in the model, and nothing else is.
   */
  private static void assertSeesWhatTheDumpShows(IsolatedDatabase db, String database, int least)
      throws Exception {
    Set<String> dumped = DumpedObjects.mysql(SchemaDump.of(db, database));
    SchemaModel model =
        Strata.configure().dataSource(db.dataSource()).schema(database).load().inspectSchema();
    Set<String> inspected = new TreeSet<>();
    for (SchemaObject o : model.objects()) {
      if (o.type() != SchemaObjectType.COLUMN) {
        inspected.add(o.describe());
      }
    }
    assertThat(dumped).hasSizeGreaterThanOrEqualTo(least);
    assertThat(inspected).as("the model against mariadb-dump, both ways").isEqualTo(dumped);
  }

  private static String definition(
      SchemaModel model, SchemaObjectType type, String table, String name) {
    SchemaObject o = model.find(type, table, name);
    assertThat(o).as("%s %s.%s in %s", type, table, name, model.objects()).isNotNull();
    return o.definition();
  }

  private void create(IsolatedDatabase db, List<String> statements) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
    Path migrations = Files.createDirectories(dir.resolve(db.name()));
    Files.writeString(migrations.resolve("V1__nothing.sql"), "SELECT 1;\n");
    Strata.configure()
        .dataSource(db.dataSource())
        .sources("filesystem:" + migrations)
        .load()
        .migrate();
  }

  private static Strata strata(IsolatedDatabase db) {
    return Strata.configure().dataSource(db.dataSource()).load();
  }
}
