package dev.strata.dialect.postgres;

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
import dev.strata.testsupport.PostgresTest;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code diff} on PostgreSQL: no drift right after {@code migrate} (the corpus sets too), each
 * drift planted by hand reported exactly once, and the shadow (a scratch database, or a scratch
 * schema when Strata has only a DataSource) always dropped.
 */
@PostgresTest
class PostgresDiffIT {
  private static final String SCHEMA =
      "CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
          + "CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL, mood mood,"
          + " score int DEFAULT 0, CONSTRAINT score_ok CHECK (score >= 0));\n"
          + "CREATE TABLE orders (id int PRIMARY KEY, customer_id int CONSTRAINT orders_customer"
          + " REFERENCES customers (id), total numeric(10,2));\n"
          + "CREATE INDEX orders_total ON orders (total);\n"
          + "CREATE VIEW big_orders AS SELECT id, customer_id FROM orders WHERE customer_id > 100;\n"
          + "CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
          + "CREATE TRIGGER orders_audit BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION"
          + " audit();\n";

  @TempDir Path dir;

  @Test
  void findsNoDriftAfterMigrateAndDropsTheScratchDatabase(IsolatedDatabase db) throws Exception {
    Strata strata = migrated(db, true);

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).isEmpty();
    assertThat(diff.expected()).isEqualTo(diff.actual());
    assertThat(diff.shadow())
        .matches("scratch database strata_shadow_[a-z0-9]{8}, dropped afterwards");
    assertThat(
            PostgresMigrateIT.column(
                db,
                "SELECT datname FROM pg_database WHERE datname = '"
                    + shadowName(diff.shadow())
                    + "'"))
        .isEmpty();
  }

  /** Without the right to create databases, the URL path falls back to a scratch schema. */
  @Test
  void givesARoleThatMayNotCreateDatabasesAScratchSchemaAndDropsIt(IsolatedDatabase db)
      throws Exception {
    String role = db.name() + "_nocreatedb";
    execute(
        db,
        "CREATE ROLE "
            + role
            + " LOGIN NOCREATEDB NOSUPERUSER;\n"
            + "GRANT CREATE, CONNECT ON DATABASE "
            + db.name()
            + " TO "
            + role
            + ";\n"
            + "ALTER SCHEMA public OWNER TO "
            + role);
    try {
      Files.writeString(dir.resolve("V1__schema.sql"), SCHEMA);
      String url = db.jdbcUrl().replaceFirst("user=[^&]*", "user=" + role);
      Strata strata = Strata.configure().url(url).sources("filesystem:" + dir).load();
      strata.migrate();

      SchemaDiff diff = strata.diff();

      assertThat(diff.differences()).isEmpty();
      assertThat(diff.shadow()).startsWith("scratch schema strata_shadow_");
      assertThat(
              PostgresMigrateIT.column(
                  db, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'strata_shadow_%'"))
          .isEmpty();
    } finally {
      execute(
          db,
          "ALTER SCHEMA public OWNER TO CURRENT_USER;\nDROP OWNED BY "
              + role
              + ";\nDROP ROLE "
              + role);
    }
  }

  @Test
  void usesAScratchSchemaWhenGivenOnlyADataSourceAndDropsIt(IsolatedDatabase db) throws Exception {
    Strata strata = migrated(db, false);

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).isEmpty();
    assertThat(diff.shadow()).startsWith("scratch schema strata_shadow_");
    assertThat(
            PostgresMigrateIT.column(
                db, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'strata_shadow_%'"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"flyway-kestra-pg", "ory-keto"})
  void findsNoDriftAfterMigratingACorpusSet(String name, IsolatedDatabase db) {
    Path set = Corpus.require(name);
    Strata strata =
        Strata.configure()
            .url(db.jdbcUrl())
            .sources("filesystem:" + set.resolve("migrations"))
            .load();
    strata.migrate();

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).isEmpty();
    assertThat(diff.notCompared()).isEmpty();
    assertThat(diff.actual().objects()).hasSizeGreaterThan(20);
  }

  static Stream<Arguments> drifts() {
    return Stream.of(
        Arguments.of(
            "CREATE INDEX hand_made ON orders (customer_id)",
            Kind.UNEXPECTED,
            "index orders.hand_made",
            null,
            "(customer_id)"),
        Arguments.of(
            "DROP INDEX orders_total",
            Kind.MISSING,
            "index orders.orders_total",
            "btree (total)",
            null),
        Arguments.of(
            "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)",
            Kind.CHANGED,
            "column orders.total",
            "numeric(10,2)",
            "numeric(12,2)"),
        Arguments.of(
            "ALTER TABLE customers ALTER COLUMN email DROP NOT NULL",
            Kind.CHANGED,
            "column customers.email",
            "text NOT NULL",
            "text"),
        Arguments.of(
            "ALTER TABLE customers ALTER COLUMN score SET DEFAULT 1",
            Kind.CHANGED,
            "column customers.score",
            "integer DEFAULT 0",
            "integer DEFAULT 1"),
        Arguments.of(
            "ALTER TABLE orders DROP CONSTRAINT orders_customer",
            Kind.MISSING,
            "constraint orders.orders_customer",
            "FOREIGN KEY (customer_id) REFERENCES customers(id)",
            null),
        Arguments.of(
            "ALTER TABLE customers DROP CONSTRAINT score_ok;\nALTER TABLE customers ADD CONSTRAINT score_ok CHECK (score >= 1)",
            Kind.CHANGED,
            "constraint customers.score_ok",
            "CHECK (score >= 0)",
            "CHECK (score >= 1)"),
        Arguments.of(
            "CREATE OR REPLACE VIEW big_orders AS SELECT id, customer_id FROM orders WHERE customer_id > 1000",
            Kind.CHANGED,
            "view big_orders",
            "> 100",
            "> 1000"),
        Arguments.of(
            "CREATE OR REPLACE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.total := 0; RETURN NEW; END $$",
            Kind.CHANGED,
            "function audit()",
            "BEGIN RETURN NEW; END",
            "NEW.total := 0"),
        Arguments.of(
            "CREATE TABLE hand_made (id int PRIMARY KEY, note text)",
            Kind.UNEXPECTED,
            "table hand_made",
            null,
            ""),
        Arguments.of(
            "ALTER TYPE mood ADD VALUE 'happy'",
            Kind.CHANGED,
            "enum type mood",
            "('sad', 'ok')",
            "('sad', 'ok', 'happy')"),
        Arguments.of(
            "ALTER TABLE orders DISABLE TRIGGER orders_audit",
            Kind.CHANGED,
            "trigger orders.orders_audit",
            "EXECUTE FUNCTION audit()",
            "DISABLE TRIGGER orders_audit"),
        Arguments.of(
            "DROP TRIGGER orders_audit ON orders",
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
    Strata strata = migrated(db, true);
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
    Strata strata = migrated(db, true);
    execute(db, "CREATE TABLE hand_made (id int)");
    Files.writeString(
        dir.resolve("V2__uses_hand_made.sql"), "ALTER TABLE hand_made ADD COLUMN note text;\n");
    strata.migrate();

    Throwable failure = catchThrowable(strata::diff);

    assertThat(failure)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("could not be built in scratch database strata_shadow_")
        .hasMessageContaining("V2__uses_hand_made.sql");
    assertThat(
            PostgresMigrateIT.column(
                db,
                "SELECT datname FROM pg_database WHERE datname = '"
                    + shadowName(failure.getMessage())
                    + "'"))
        .isEmpty();
  }

  @Test
  void refusesAShadowThatIsNotEmpty(IsolatedDatabase db, IsolatedDatabase shadow) throws Exception {
    Strata strata = migrated(db, true);
    execute(shadow, "CREATE TABLE leftover (id int)");

    assertThatThrownBy(() -> strata.diff(shadow.dataSource()))
        .hasMessageContaining("The given shadow database is not empty: it has table leftover");
  }

  @Test
  void buildsTheExpectedSchemaInAGivenEmptyShadow(IsolatedDatabase db, IsolatedDatabase shadow)
      throws Exception {
    Strata strata = migrated(db, true);
    execute(db, "DROP INDEX orders_total");

    SchemaDiff diff = strata.diff(shadow.dataSource());

    assertThat(diff.differences())
        .extracting(SchemaDifference::toString)
        .containsExactly(
            "missing index orders.orders_total: expected CREATE INDEX orders_total ON orders"
                + " USING btree (total)");
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
