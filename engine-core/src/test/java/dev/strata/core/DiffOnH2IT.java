package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.strata.api.MigrationFailedException;
import dev.strata.api.ValidationException;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaDifference;
import dev.strata.api.schema.SchemaDifference.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code diff} on H2: the expected schema built in an in-memory shadow, each drift planted by hand
 * reported exactly once, a database behind its migrations, and a history with a failed entry.
 */
class DiffOnH2IT {
  private static final String SCHEMA =
      "CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL,"
          + " mood ENUM('sad', 'ok'), score INT DEFAULT 0, CONSTRAINT score_ok CHECK (score >= 0));\n"
          + "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total NUMERIC(10,2),"
          + " CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id));\n"
          + "CREATE INDEX orders_total ON orders (total);\n"
          + "CREATE VIEW big_orders AS SELECT id FROM orders WHERE total > 100;\n"
          + "CREATE ALIAS my_fn FOR 'java.lang.Math.abs(int)';\n"
          + "CREATE TRIGGER orders_audit BEFORE INSERT ON orders FOR EACH ROW"
          + " CALL 'dev.strata.core.NoopTrigger';\n";

  @TempDir Path dir;
  H2Database db;

  @BeforeEach
  void setUp() throws Exception {
    db = new H2Database(dir);
    db.file("V1__schema.sql", SCHEMA);
    db.strata().migrate();
  }

  @Test
  void findsNoDriftRightAfterMigrateAndDropsTheShadow() throws Exception {
    SchemaDiff diff = db.strata().diff();

    assertThat(diff.differences()).isEmpty();
    assertThat(diff.hasDrift()).isFalse();
    assertThat(diff.pending()).isEmpty();
    assertThat(diff.expected().objects()).hasSizeGreaterThan(10).isEqualTo(diff.actual().objects());
    assertThat(diff.shadow())
        .matches("in-memory database strata_shadow_[a-z0-9]{8}, dropped afterwards");
    String name = diff.shadow().split(" ")[2].replace(",", "");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:mem:" + name + ";IFEXISTS=TRUE"))
        .isInstanceOf(SQLException.class);
  }

  static Stream<Arguments> drifts() {
    return Stream.of(
        drift(
            "CREATE INDEX hand_made ON orders (customer_id)",
            Kind.UNEXPECTED,
            "index ORDERS.HAND_MADE",
            null,
            "\"CUSTOMER_ID\""),
        drift(
            "DROP INDEX orders_total",
            Kind.MISSING,
            "index ORDERS.ORDERS_TOTAL",
            "\"TOTAL\"",
            null),
        drift(
            "ALTER TABLE orders ALTER COLUMN total SET DATA TYPE NUMERIC(12,2)",
            Kind.CHANGED,
            "column ORDERS.TOTAL",
            "NUMERIC(10, 2)",
            "NUMERIC(12, 2)"),
        drift(
            "ALTER TABLE customers ALTER COLUMN email SET NULL",
            Kind.CHANGED,
            "column CUSTOMERS.EMAIL",
            "CHARACTER VARYING(100) NOT NULL",
            "CHARACTER VARYING(100)"),
        drift(
            "ALTER TABLE customers ALTER COLUMN score SET DEFAULT 1",
            Kind.CHANGED,
            "column CUSTOMERS.SCORE",
            "INTEGER DEFAULT 0",
            "INTEGER DEFAULT 1"),
        drift(
            "ALTER TABLE orders DROP CONSTRAINT orders_customer",
            Kind.MISSING,
            "constraint ORDERS.ORDERS_CUSTOMER",
            "FOREIGN KEY (\"CUSTOMER_ID\") REFERENCES \"CUSTOMERS\" (\"ID\")",
            null),
        drift(
            "ALTER TABLE customers DROP CONSTRAINT score_ok;\nALTER TABLE customers ADD CONSTRAINT score_ok CHECK (score >= 1)",
            Kind.CHANGED,
            "constraint CUSTOMERS.SCORE_OK",
            "CHECK (\"SCORE\" >= 0)",
            "CHECK (\"SCORE\" >= 1)"),
        drift(
            "CREATE OR REPLACE VIEW big_orders AS SELECT id FROM orders WHERE total > 1000",
            Kind.CHANGED,
            "view BIG_ORDERS",
            "CAST(100 AS NUMERIC(3))",
            "CAST(1000 AS NUMERIC(4))"),
        drift(
            "DROP ALIAS my_fn;\nCREATE ALIAS my_fn FOR 'java.lang.Math.negateExact(int)'",
            Kind.CHANGED,
            "function MY_FN(INTEGER)",
            "java.lang.Math.abs(int)",
            "java.lang.Math.negateExact(int)"),
        drift(
            "CREATE TABLE hand_made (id INT PRIMARY KEY, note VARCHAR(10))",
            Kind.UNEXPECTED,
            "table HAND_MADE",
            null,
            ""),
        drift(
            "ALTER TABLE customers ALTER COLUMN mood SET DATA TYPE ENUM('sad', 'ok', 'happy')",
            Kind.CHANGED,
            "column CUSTOMERS.MOOD",
            "ENUM('sad', 'ok')",
            "ENUM('sad', 'ok', 'happy')"),
        drift(
            "DROP TRIGGER orders_audit",
            Kind.MISSING,
            "trigger ORDERS.ORDERS_AUDIT",
            "NoopTrigger",
            null));
  }

  private static Arguments drift(
      String sql, Kind kind, String object, String expected, String actual) {
    return Arguments.of(sql, kind, object, expected, actual);
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("drifts")
  void reportsEachPlantedDriftExactlyOnceWithBothDefinitions(
      String sql, Kind kind, String object, String expected, String actual) throws Exception {
    execute(sql);

    SchemaDiff diff = db.strata().diff();

    assertThat(diff.differences()).hasSize(1);
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
  void aDatabaseBehindItsMigrationsIsBehindNotDrifted() throws Exception {
    db.file("V2__notes.sql", "CREATE TABLE notes (id INT PRIMARY KEY);\n");
    db.file("V3__more.sql", "ALTER TABLE customers ADD COLUMN nick VARCHAR(10);\n");

    SchemaDiff diff = db.strata().diff();

    assertThat(diff.differences()).isEmpty();
    assertThat(diff.pending()).extracting(Object::toString).containsExactly("V2 notes", "V3 more");
  }

  @Test
  void refusesOnAHistoryWithAFailedEntryAndSaysWhy() throws Exception {
    db.file("V2__half.sql", "CREATE TABLE half (id INT);\nCREATE TABLE half (id INT);\n");
    assertThatThrownBy(() -> db.strata().migrate()).isInstanceOf(MigrationFailedException.class);

    assertThatThrownBy(() -> db.strata().diff())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("diff changed nothing: sources and history disagree")
        .hasMessageContaining("V2");
  }

  @Test
  void dropsTheShadowAlsoWhenAMigrationFailsInIt() throws Exception {
    // Made by hand before V2 ran, so V2 succeeded here but cannot in the empty shadow.
    execute("CREATE TABLE hand_made (id INT)");
    db.file("V2__uses_hand_made.sql", "ALTER TABLE hand_made ADD COLUMN note VARCHAR(10);\n");
    db.strata().migrate();

    Throwable failure = catchThrowable(() -> db.strata().diff());

    assertThat(failure)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("could not be built in in-memory database strata_shadow_")
        .hasMessageContaining("the live database is unchanged")
        .hasMessageContaining("V2__uses_hand_made.sql");
    Matcher name = Pattern.compile("strata_shadow_[a-z0-9]{8}").matcher(failure.getMessage());
    assertThat(name.find()).isTrue();
    assertThatThrownBy(
            () -> DriverManager.getConnection("jdbc:h2:mem:" + name.group() + ";IFEXISTS=TRUE"))
        .isInstanceOf(SQLException.class);
    assertThat(db.column("SELECT COUNT(*) FROM \"strata_schema_history\"")).containsExactly("3");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String one : sql.split(";\n")) {
        s.execute(one);
      }
    }
  }
}
