package dev.strata.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.strata.api.MigrationFailedException;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaDifference;
import dev.strata.api.schema.SchemaDifference.Kind;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code diff} on MariaDB: no drift right after {@code migrate} (the corpus sets too), each drift
 * planted by hand reported exactly once, and the shadow (a scratch database) always dropped.
 */
@MySqlTest
class MySqlDiffIT {
  private static final String SCHEMA =
      "CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL,"
          + " mood ENUM('sad', 'ok'), score INT DEFAULT 0, CONSTRAINT score_ok CHECK (score >= 0));\n"
          + "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2),"
          + " KEY orders_total (total), CONSTRAINT orders_customer FOREIGN KEY (customer_id)"
          + " REFERENCES customers (id));\n"
          + "CREATE VIEW big_orders AS SELECT id FROM orders WHERE total > 100;\n"
          + "CREATE FUNCTION net(t DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC"
          + " RETURN t * 0.8;\n"
          + "CREATE TRIGGER orders_audit BEFORE INSERT ON orders FOR EACH ROW"
          + " SET NEW.total = COALESCE(NEW.total, 0);\n";

  @TempDir Path dir;

  @Test
  void findsNoDriftAfterMigrateAndDropsTheScratchDatabase(IsolatedDatabase db) throws Exception {
    Strata strata = migrated(db, false);

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).isEmpty();
    assertThat(diff.expected()).isEqualTo(diff.actual());
    assertThat(diff.shadow())
        .matches("scratch database strata_shadow_[a-z0-9]{8}, dropped afterwards");
    assertThat(
            MySqlMigrateIT.query(
                db,
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
                    + shadowName(diff.shadow())
                    + "'"))
        .isEmpty();
  }

  @Test
  void findsNoDriftAfterMigratingSakila(IsolatedDatabase db) throws Exception {
    Path files = Corpus.require("torture-sakila-mysql").resolve("files/mysql-sakila-db");
    // The script makes, selects and names its own database; here that is the test's database.
    // (A migration naming its database would reach the live one from MySQL's shadow.)
    String script =
        Files.readString(files.resolve("mysql-sakila-schema.sql"))
            .replaceAll("(?m)^(DROP SCHEMA|CREATE SCHEMA|USE) .*$", "")
            .replaceAll("\\bsakila\\.", "");
    Files.writeString(dir.resolve("V1__sakila.sql"), script);
    Strata strata =
        Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + dir).load();
    strata.migrate();

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).as(diff.differences().toString()).isEmpty();
    assertThat(diff.actual().objects()).hasSizeGreaterThan(100);
  }

  static Stream<Arguments> drifts() {
    return Stream.of(
        Arguments.of(
            "CREATE INDEX hand_made ON orders (id, total)",
            Kind.UNEXPECTED,
            "index orders.hand_made",
            null,
            "(`id`, `total`)"),
        Arguments.of(
            "DROP INDEX orders_total ON orders",
            Kind.MISSING,
            "index orders.orders_total",
            "(`total`)",
            null),
        Arguments.of(
            "ALTER TABLE orders MODIFY total DECIMAL(12,2)",
            Kind.CHANGED,
            "column orders.total",
            "decimal(10,2)",
            "decimal(12,2)"),
        Arguments.of(
            "ALTER TABLE customers MODIFY email VARCHAR(100) NULL",
            Kind.CHANGED,
            "column customers.email",
            "varchar(100) NOT NULL",
            "varchar(100) DEFAULT NULL"),
        Arguments.of(
            "ALTER TABLE customers ALTER COLUMN score SET DEFAULT 1",
            Kind.CHANGED,
            "column customers.score",
            "int(11) DEFAULT 0",
            "int(11) DEFAULT 1"),
        Arguments.of(
            "ALTER TABLE orders DROP FOREIGN KEY orders_customer",
            Kind.MISSING,
            "constraint orders.orders_customer",
            "FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)",
            null),
        Arguments.of(
            "ALTER TABLE customers DROP CONSTRAINT score_ok, ADD CONSTRAINT score_ok CHECK (score >= 1)",
            Kind.CHANGED,
            "constraint customers.score_ok",
            "CHECK (`score` >= 0)",
            "CHECK (`score` >= 1)"),
        Arguments.of(
            "CREATE OR REPLACE VIEW big_orders AS SELECT id FROM orders WHERE total > 1000",
            Kind.CHANGED,
            "view big_orders",
            "> 100",
            "> 1000"),
        Arguments.of(
            "DROP FUNCTION net;\nCREATE FUNCTION net(t DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC RETURN t * 0.7",
            Kind.CHANGED,
            "function net",
            "RETURN t * 0.8",
            "RETURN t * 0.7"),
        Arguments.of(
            "CREATE TABLE hand_made (id INT PRIMARY KEY, note TEXT)",
            Kind.UNEXPECTED,
            "table hand_made",
            null,
            "ENGINE=InnoDB"),
        Arguments.of(
            "ALTER TABLE customers MODIFY mood ENUM('sad', 'ok', 'happy')",
            Kind.CHANGED,
            "column customers.mood",
            "enum('sad','ok')",
            "enum('sad','ok','happy')"),
        Arguments.of(
            "DROP TRIGGER orders_audit",
            Kind.MISSING,
            "trigger orders.orders_audit",
            "BEFORE INSERT ON orders",
            null));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("drifts")
  void reportsEachPlantedDriftExactlyOnceWithBothDefinitions(
      String sql, Kind kind, String object, String expected, String actual, IsolatedDatabase db)
      throws Exception {
    Strata strata = migrated(db, false);
    execute(db, sql);

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).as(diff.differences().toString()).hasSize(1);
    SchemaDifference d = diff.differences().get(0);
    assertThat(d.kind()).isEqualTo(kind);
    assertThat(d.object()).isEqualTo(object);
    if (expected == null) {
      assertThat(d.expected()).isNull();
    } else {
      assertThat(d.expected()).contains(expected);
    }
    if (actual == null) {
      assertThat(d.actual()).isNull();
    } else {
      assertThat(d.actual()).contains(actual);
    }
  }

  @Test
  void dropsTheScratchDatabaseAlsoWhenAMigrationFailsInIt(IsolatedDatabase db) throws Exception {
    Strata strata = migrated(db, false);
    execute(db, "CREATE TABLE hand_made (id INT)");
    Files.writeString(
        dir.resolve("V2__uses_hand_made.sql"), "ALTER TABLE hand_made ADD COLUMN note TEXT;\n");
    strata.migrate();

    Throwable failure = catchThrowable(strata::diff);

    assertThat(failure)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("could not be built in scratch database strata_shadow_")
        .hasMessageContaining("V2__uses_hand_made.sql");
    assertThat(
            MySqlMigrateIT.query(
                db,
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
                    + shadowName(failure.getMessage())
                    + "'"))
        .isEmpty();
  }

  @Test
  void refusesAShadowThatIsNotEmpty(IsolatedDatabase db, IsolatedDatabase shadow) throws Exception {
    Strata strata = migrated(db, false);
    execute(shadow, "CREATE TABLE leftover (id INT)");

    assertThatThrownBy(() -> strata.diff(shadow.dataSource()))
        .hasMessageContaining("The given shadow database is not empty: it has table leftover");
  }

  @Test
  void buildsTheExpectedSchemaInAGivenEmptyShadow(IsolatedDatabase db, IsolatedDatabase shadow)
      throws Exception {
    Strata strata = migrated(db, false);
    execute(db, "DROP INDEX orders_total ON orders");

    SchemaDiff diff = strata.diff(shadow.dataSource());

    assertThat(diff.differences())
        .extracting(SchemaDifference::toString)
        .containsExactly(
            "missing index orders.orders_total: expected CREATE INDEX `orders_total` ON"
                + " `orders` (`total`) USING BTREE");
    assertThat(diff.shadow()).isEqualTo("the given shadow database");
  }

  private static String shadowName(String text) {
    Matcher m = Pattern.compile("strata_shadow_[a-z0-9]{8}").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group();
  }

  private Strata migrated(IsolatedDatabase db, boolean url) throws Exception {
    Files.writeString(dir.resolve("V1__schema.sql"), SCHEMA);
    var builder =
        url ? Strata.configure().url(db.jdbcUrl()) : Strata.configure().dataSource(db.dataSource());
    Strata strata = builder.sources("filesystem:" + dir).load();
    strata.migrate();
    return strata;
  }

  private static void execute(IsolatedDatabase db, String sql) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String one : sql.split(";\n")) {
        s.execute(one);
      }
    }
  }
}
