package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObject;
import dev.strata.api.schema.SchemaObjectType;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.DumpedObjects;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import dev.strata.testsupport.SchemaDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PostgreSQL schema model: each kind of object with its normalized definition, every object
 * {@code pg_dump --schema-only} shows for the corpus sets, and a dump that does not depend on the
 * order objects were created in.
 */
@PostgresTest
class PostgresSchemaInspectionIT {
  /** Objects in an order of their own, for the order test: each statement creates one. */
  private static final List<String> OBJECTS =
      List.of(
          "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
          "CREATE DOMAIN positive AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_check"
              + " CHECK (VALUE > 0)",
          "CREATE TYPE address AS (street text, zip varchar(10))",
          "CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 10",
          "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
              + " email text COLLATE \"C\" NOT NULL UNIQUE, mood mood DEFAULT 'ok',"
              + " score positive, home address)",
          "CREATE TABLE orders (id serial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES"
              + " customers (id) ON DELETE CASCADE, total numeric(10,2) DEFAULT 0 CHECK"
              + " (total >= 0), net numeric GENERATED ALWAYS AS (total * 0.8) STORED,"
              + " status text)",
          "CREATE INDEX orders_open ON orders (customer_id) INCLUDE (total)"
              + " WHERE status = 'open'",
          "CREATE UNIQUE INDEX customers_lower_email ON customers (lower(email))",
          "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
          "CREATE MATERIALIZED VIEW totals AS SELECT customer_id, sum(total) AS s FROM orders"
              + " GROUP BY customer_id",
          "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
          "CREATE PROCEDURE purge(days integer) LANGUAGE sql AS $$ DELETE FROM orders $$",
          "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION"
              + " touch()",
          "ALTER TABLE orders DISABLE TRIGGER orders_touch",
          "COMMENT ON TABLE orders IS 'what was bought'",
          "COMMENT ON COLUMN orders.total IS 'in euros'");

  @TempDir Path dir;

  @Test
  void readsEveryKindOfObjectWithTheServersOwnDefinition(IsolatedDatabase db) throws Exception {
    create(db, OBJECTS);

    SchemaModel model = strata(db).inspectSchema();

    assertThat(definition(model, SchemaObjectType.ENUM_TYPE, null, "mood"))
        .isEqualTo("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
    assertThat(definition(model, SchemaObjectType.DOMAIN, null, "positive"))
        .isEqualTo(
            "CREATE DOMAIN positive AS integer DEFAULT 1 NOT NULL"
                + " CONSTRAINT positive_check CHECK (VALUE > 0)");
    assertThat(definition(model, SchemaObjectType.COMPOSITE_TYPE, null, "address"))
        .isEqualTo("CREATE TYPE address AS (street text, zip character varying(10))");
    assertThat(definition(model, SchemaObjectType.SEQUENCE, null, "invoice_numbers"))
        .isEqualTo(
            "CREATE SEQUENCE invoice_numbers AS bigint START WITH 1000 INCREMENT BY 10 MINVALUE 1"
                + " MAXVALUE 9223372036854775807 CACHE 1");
    assertThat(definition(model, SchemaObjectType.SEQUENCE, null, "orders_id_seq"))
        .endsWith(" OWNED BY orders.id");
    assertThat(model.find(SchemaObjectType.SEQUENCE, null, "customers_id_seq"))
        .as("an identity column's sequence is part of the column")
        .isNull();
    assertThat(definition(model, SchemaObjectType.COLUMN, "customers", "id"))
        .isEqualTo("bigint GENERATED ALWAYS AS IDENTITY NOT NULL");
    assertThat(definition(model, SchemaObjectType.COLUMN, "customers", "email"))
        .isEqualTo("text COLLATE \"C\" NOT NULL");
    assertThat(definition(model, SchemaObjectType.COLUMN, "customers", "mood"))
        .isEqualTo("mood DEFAULT 'ok'::mood");
    assertThat(definition(model, SchemaObjectType.COLUMN, "orders", "id"))
        .isEqualTo("integer DEFAULT nextval('orders_id_seq'::regclass) NOT NULL");
    assertThat(definition(model, SchemaObjectType.COLUMN, "orders", "net"))
        .isEqualTo("numeric GENERATED ALWAYS AS ((total * 0.8)) STORED");
    assertThat(definition(model, SchemaObjectType.CONSTRAINT, "orders", "orders_customer_id_fkey"))
        .isEqualTo("FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE");
    assertThat(definition(model, SchemaObjectType.CONSTRAINT, "orders", "orders_total_check"))
        .isEqualTo("CHECK (total >= 0::numeric)");
    assertThat(definition(model, SchemaObjectType.CONSTRAINT, "customers", "customers_pkey"))
        .isEqualTo("PRIMARY KEY (id)");
    assertThat(definition(model, SchemaObjectType.INDEX, "orders", "orders_open"))
        .isEqualTo(
            "CREATE INDEX orders_open ON orders USING btree (customer_id) INCLUDE (total)"
                + " WHERE (status = 'open'::text)");
    assertThat(definition(model, SchemaObjectType.INDEX, "customers", "customers_lower_email"))
        .isEqualTo(
            "CREATE UNIQUE INDEX customers_lower_email ON customers USING btree (lower(email))");
    assertThat(model.find(SchemaObjectType.INDEX, "customers", "customers_pkey"))
        .as("an index backing a constraint is the constraint")
        .isNull();
    assertThat(definition(model, SchemaObjectType.VIEW, null, "big_orders"))
        .isEqualTo(
            "CREATE VIEW big_orders AS\nSELECT orders.id,\n    orders.total\n   FROM orders\n"
                + "  WHERE orders.total > 100::numeric");
    assertThat(definition(model, SchemaObjectType.MATERIALIZED_VIEW, null, "totals"))
        .startsWith("CREATE MATERIALIZED VIEW totals AS\nSELECT orders.customer_id,");
    assertThat(definition(model, SchemaObjectType.FUNCTION, null, "touch()"))
        .startsWith("CREATE OR REPLACE FUNCTION touch()\n RETURNS trigger\n LANGUAGE plpgsql")
        .contains("BEGIN RETURN NEW; END");
    assertThat(definition(model, SchemaObjectType.PROCEDURE, null, "purge(IN days integer)"))
        .startsWith("CREATE OR REPLACE PROCEDURE purge(IN days integer)");
    assertThat(definition(model, SchemaObjectType.TRIGGER, "orders", "orders_touch"))
        .isEqualTo(
            "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION"
                + " touch();\nALTER TABLE orders DISABLE TRIGGER orders_touch");
    assertThat(definition(model, SchemaObjectType.COMMENT, null, "COLUMN orders.total"))
        .isEqualTo("COMMENT ON COLUMN orders.total IS 'in euros'");
    assertThat(model.objects())
        .as("Strata's own table is never part of the model")
        .noneMatch(o -> "strata_schema_history".equals(o.table()) || o.name().contains("strata_"));
    assertThat(model.notInspected()).isEmpty();
  }

  @Test
  void saysWhatItFoundButCouldNotReadInsteadOfLeavingItOut(IsolatedDatabase db) throws Exception {
    create(
        db,
        List.of(
            "CREATE AGGREGATE joined (text) (SFUNC = textcat, STYPE = text)",
            "CREATE TYPE span AS RANGE (SUBTYPE = integer)"));

    SchemaModel model = strata(db).inspectSchema();

    assertThat(model.notInspected())
        .containsExactly(
            "1 aggregate or window functions (not compared)",
            "1 range or base types (not compared)");
    assertThat(strata(db).dumpSchema())
        .contains("\n-- Not inspected: 1 aggregate or window functions (not compared)\n");
    assertThat(strataWithSource(db).diff().notCompared()).isEqualTo(model.notInspected());
    assertThat(model.objects(SchemaObjectType.FUNCTION))
        .as("the range type's own constructor functions are part of the type")
        .isEmpty();
  }

  @Test
  void dumpsTheSameBytesWhateverTheOrderObjectsWereCreatedIn(
      IsolatedDatabase first, IsolatedDatabase second) throws Exception {
    create(first, OBJECTS);
    create(second, reordered());

    String dump = strata(first).dumpSchema();

    assertThat(strata(first).dumpSchema()).isEqualTo(dump);
    assertThat(strata(second).dumpSchema()).isEqualTo(dump);
    assertThat(dump)
        .startsWith("-- The schema as `strata dump-schema` inspects it")
        .contains(
            "\n-- table orders\nCREATE TABLE \"orders\" (\n    \"customer_id\" bigint NOT NULL,\n")
        .contains(
            "\n-- constraint orders.orders_pkey\n"
                + "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_pkey\" PRIMARY KEY (id);\n")
        .doesNotContain("strata_schema_history", "PostgreSQL 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"flyway-kestra-pg", "ory-keto"})
  void seesEveryObjectPgDumpShowsForACorpusSet(String name, IsolatedDatabase db) throws Exception {
    Path set = Corpus.require(name);
    Strata.configure()
        .dataSource(db.dataSource())
        .sources("filesystem:" + set.resolve("migrations"))
        .load()
        .migrate();
    Set<String> dumped = DumpedObjects.postgres(SchemaDump.postgres(db));

    SchemaModel model = strata(db).inspectSchema();

    assertThat(dumped).as("pg_dump shows objects for %s", name).hasSizeGreaterThan(10);
    assertThat(inspected(model))
        .as("the model against pg_dump (%s), both ways", name)
        .isEqualTo(dumped);
  }

  /** The model's objects as {@link DumpedObjects} names them: all but columns. */
  static Set<String> inspected(SchemaModel model) {
    Set<String> objects = new TreeSet<>();
    for (SchemaObject o : model.objects()) {
      if (o.type() != SchemaObjectType.COLUMN) {
        objects.add(o.describe());
      }
    }
    return objects;
  }

  private static List<String> reordered() {
    // Dependencies first, then the rest in reverse: the same schema, created differently.
    List<String> order = new java.util.ArrayList<>(OBJECTS.subList(0, 4));
    order.add(OBJECTS.get(4));
    order.add(OBJECTS.get(5));
    List<String> rest = new java.util.ArrayList<>(OBJECTS.subList(6, OBJECTS.size()));
    java.util.Collections.reverse(rest);
    // The trigger needs its function and must exist before it is disabled.
    rest.remove(OBJECTS.get(10));
    rest.remove(OBJECTS.get(12));
    rest.remove(OBJECTS.get(13));
    order.add(OBJECTS.get(10));
    order.add(OBJECTS.get(12));
    order.addAll(rest);
    order.add(OBJECTS.get(13));
    return order;
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
    // A history table, which the model must leave out.
    Files.writeString(dir.resolve("V1__nothing.sql"), "SELECT 1;\n");
    strataWithSource(db).migrate();
  }

  private Strata strataWithSource(IsolatedDatabase db) {
    return Strata.configure().dataSource(db.dataSource()).sources("filesystem:" + dir).load();
  }

  private static Strata strata(IsolatedDatabase db) {
    return Strata.configure().dataSource(db.dataSource()).load();
  }
}
