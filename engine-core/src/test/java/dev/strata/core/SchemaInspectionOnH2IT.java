package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObject;
import dev.strata.api.schema.SchemaObjectType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 schema model, read from INFORMATION_SCHEMA, and its dump. */
class SchemaInspectionOnH2IT {
  private static final List<String> OBJECTS =
      List.of(
          "CREATE DOMAIN positive AS INT DEFAULT 1 CONSTRAINT positive_check CHECK (VALUE > 0)",
          "CREATE TABLE customers (id BIGINT GENERATED ALWAYS AS IDENTITY,"
              + " email VARCHAR(100) NOT NULL, mood ENUM('sad', 'ok') DEFAULT 'ok',"
              + " score positive, created TIMESTAMP(3) WITH TIME ZONE,"
              + " CONSTRAINT customers_pk PRIMARY KEY (id),"
              + " CONSTRAINT customers_email UNIQUE (email))",
          "CREATE TABLE orders (id INT, customer_id BIGINT NOT NULL, total NUMERIC(10,2)"
              + " DEFAULT 0, net NUMERIC(10,2) GENERATED ALWAYS AS (total * 0.8),"
              + " status VARCHAR(10), CONSTRAINT orders_pk PRIMARY KEY (id),"
              + " CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)"
              + " ON DELETE CASCADE, CONSTRAINT orders_total CHECK (total >= 0))",
          "CREATE INDEX orders_status ON orders (status, total DESC)",
          "CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10",
          "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
          "CREATE ALIAS my_abs FOR 'java.lang.Math.abs(int)'",
          "COMMENT ON TABLE orders IS 'what was bought'",
          "COMMENT ON COLUMN orders.total IS 'in euros'");

  @TempDir Path dir;

  @Test
  void readsEveryKindOfObjectWithH2sOwnDefinition() throws Exception {
    H2Database db = create("a", OBJECTS);

    SchemaModel model = db.strata().inspectSchema();

    assertThat(definition(model, SchemaObjectType.DOMAIN, null, "POSITIVE"))
        .isEqualTo(
            "CREATE DOMAIN \"POSITIVE\" AS INTEGER DEFAULT 1 CONSTRAINT \"POSITIVE_CHECK\""
                + " CHECK (VALUE > 0)");
    assertThat(definition(model, SchemaObjectType.COLUMN, "CUSTOMERS", "ID"))
        .isEqualTo("BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL");
    assertThat(definition(model, SchemaObjectType.COLUMN, "CUSTOMERS", "MOOD"))
        .isEqualTo("ENUM('sad', 'ok') DEFAULT 'ok'");
    assertThat(definition(model, SchemaObjectType.COLUMN, "CUSTOMERS", "SCORE"))
        .isEqualTo("\"POSITIVE\"");
    assertThat(definition(model, SchemaObjectType.COLUMN, "CUSTOMERS", "CREATED"))
        .isEqualTo("TIMESTAMP(3) WITH TIME ZONE");
    assertThat(definition(model, SchemaObjectType.COLUMN, "ORDERS", "NET"))
        .isEqualTo("NUMERIC(10, 2) GENERATED ALWAYS AS (\"TOTAL\" * 0.8)");
    assertThat(definition(model, SchemaObjectType.COLUMN, "ORDERS", "TOTAL"))
        .isEqualTo("NUMERIC(10, 2) DEFAULT 0");
    assertThat(definition(model, SchemaObjectType.CONSTRAINT, "ORDERS", "ORDERS_CUSTOMER"))
        .isEqualTo(
            "FOREIGN KEY (\"CUSTOMER_ID\") REFERENCES \"CUSTOMERS\" (\"ID\") ON DELETE CASCADE"
                + " ON UPDATE RESTRICT");
    assertThat(definition(model, SchemaObjectType.CONSTRAINT, "ORDERS", "ORDERS_TOTAL"))
        .isEqualTo("CHECK (\"TOTAL\" >= CAST(0 AS NUMERIC(1)))");
    assertThat(definition(model, SchemaObjectType.CONSTRAINT, "CUSTOMERS", "CUSTOMERS_EMAIL"))
        .isEqualTo("UNIQUE (\"EMAIL\")");
    assertThat(definition(model, SchemaObjectType.INDEX, "ORDERS", "ORDERS_STATUS"))
        .isEqualTo("CREATE INDEX \"ORDERS_STATUS\" ON \"ORDERS\" (\"STATUS\", \"TOTAL\" DESC)");
    assertThat(model.objects(SchemaObjectType.INDEX))
        .as("the indexes H2 made for constraints are those constraints")
        .hasSize(1);
    assertThat(definition(model, SchemaObjectType.SEQUENCE, null, "INVOICE_NUMBERS"))
        .startsWith(
            "CREATE SEQUENCE \"INVOICE_NUMBERS\" AS BIGINT START WITH 1000 INCREMENT BY 10");
    assertThat(model.objects(SchemaObjectType.SEQUENCE))
        .as("an identity column's sequence is part of the column")
        .hasSize(1);
    assertThat(definition(model, SchemaObjectType.VIEW, null, "BIG_ORDERS"))
        .isEqualTo(
            "CREATE VIEW \"BIG_ORDERS\" AS\nSELECT\n    \"ID\",\n    \"TOTAL\"\nFROM \"ORDERS\"\n"
                + "WHERE \"TOTAL\" > CAST(100 AS NUMERIC(3))");
    assertThat(definition(model, SchemaObjectType.FUNCTION, null, "MY_ABS(INTEGER)"))
        .isEqualTo("CREATE ALIAS \"MY_ABS\" FOR 'java.lang.Math.abs(int)'");
    assertThat(definition(model, SchemaObjectType.COMMENT, null, "COLUMN \"ORDERS\".\"TOTAL\""))
        .isEqualTo("COMMENT ON COLUMN \"ORDERS\".\"TOTAL\" IS 'in euros'");
    assertThat(model.objects())
        .as("Strata's own table is never part of the model")
        .noneMatch(o -> "strata_schema_history".equals(o.table()) || o.name().contains("strata"));
  }

  @Test
  void dumpsTheSameBytesWhateverTheOrderObjectsWereCreatedIn() throws Exception {
    List<String> rest = new ArrayList<>(OBJECTS.subList(3, OBJECTS.size()));
    Collections.reverse(rest);
    List<String> order = new ArrayList<>(OBJECTS.subList(0, 3));
    order.addAll(rest);

    String dump = create("a", OBJECTS).strata().dumpSchema();

    assertThat(create("b", order).strata().dumpSchema()).isEqualTo(dump);
    assertThat(dump)
        .contains("\n-- constraint ORDERS.ORDERS_PK\n")
        .doesNotContain("\"PUBLIC\".", "strata_schema_history");
  }

  private H2Database create(String name, List<String> statements) throws Exception {
    H2Database db = new H2Database(dir.resolve(name));
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
    db.file("V1__nothing.sql", "SELECT 1;\n");
    db.strata().migrate();
    return db;
  }

  private static String definition(
      SchemaModel model, SchemaObjectType type, String table, String name) {
    SchemaObject o = model.find(type, table, name);
    assertThat(o).as("%s %s.%s in %s", type, table, name, model.objects()).isNotNull();
    return o.definition();
  }
}
