package dev.strata.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaDifference;
import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObject;
import dev.strata.api.schema.SchemaObjectType;
import dev.strata.spi.support.HistoryTable;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema inspection and {@code diff}, for a dialect whose {@link
 * dev.strata.spi.Dialect#schemaInspector()} returns one (skipped, with the reason, otherwise): the
 * model sees what migrations create and nothing of Strata's, is the same on every read, finds no
 * drift right after {@code migrate}, names a hand-made change once, and leaves the live schema as
 * it was.
 */
abstract class SchemaConformance extends ConformanceGroup {
  private static final String SCHEMA =
      "CREATE TABLE tck_parent (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);\n"
          + "CREATE TABLE tck_child (id INT PRIMARY KEY, parent_id INT, amount INT DEFAULT 0,"
          + " CONSTRAINT tck_child_parent FOREIGN KEY (parent_id) REFERENCES tck_parent (id),"
          + " CONSTRAINT tck_amount CHECK (amount >= 0));\n"
          + "CREATE INDEX tck_child_amount ON tck_child (amount);\n"
          + "CREATE VIEW tck_view AS SELECT id FROM tck_parent;\n";

  @BeforeEach
  void onlyForDialectsThatInspect() throws Exception {
    Assumptions.assumeTrue(
        fixture().dialect().schemaInspector() != null,
        "the dialect does not inspect schemas (Dialect.schemaInspector() returns null)");
    fixture().file("V1__schema.sql", SCHEMA);
    fixture().strata().migrate();
  }

  @Test
  void seesEveryObjectTheMigrationsCreateAndNoneOfStratas() throws Exception {
    SchemaModel model = fixture().strata().inspectSchema();

    assertThat(find(model, SchemaObjectType.TABLE, null, "tck_parent")).isNotNull();
    assertThat(find(model, SchemaObjectType.TABLE, null, "tck_child")).isNotNull();
    assertThat(find(model, SchemaObjectType.COLUMN, "tck_parent", "name").definition())
        .containsIgnoringCase("NOT NULL");
    assertThat(find(model, SchemaObjectType.COLUMN, "tck_child", "amount").definition())
        .contains("0");
    assertThat(
            find(model, SchemaObjectType.CONSTRAINT, "tck_child", "tck_child_parent").definition())
        .containsIgnoringCase("FOREIGN KEY")
        .containsIgnoringCase("tck_parent");
    assertThat(find(model, SchemaObjectType.CONSTRAINT, "tck_child", "tck_amount").definition())
        .containsIgnoringCase("CHECK");
    assertThat(find(model, SchemaObjectType.INDEX, "tck_child", "tck_child_amount").definition())
        .containsIgnoringCase("amount");
    assertThat(find(model, SchemaObjectType.VIEW, null, "tck_view")).isNotNull();
    assertThat(model.objects(SchemaObjectType.TABLE)).hasSize(2);
    assertThat(model.objects())
        .as("Strata's history table and what belongs to it")
        .noneMatch(o -> HistoryTable.DEFAULT_NAME.equalsIgnoreCase(o.table()))
        .noneMatch(o -> HistoryTable.DEFAULT_NAME.equalsIgnoreCase(o.name()));
  }

  @Test
  void readsTheSameModelAndDumpEveryTimeWithoutTheSchemasName() throws Exception {
    SchemaModel first = fixture().strata().inspectSchema();
    String dump = fixture().strata().dumpSchema();

    assertThat(fixture().strata().inspectSchema()).isEqualTo(first);
    assertThat(fixture().strata().dumpSchema()).isEqualTo(dump);
    String schema = fixture().schema().toLowerCase(Locale.ROOT);
    assertThat(first.objects())
        .noneMatch(
            o ->
                o.definition().toLowerCase(Locale.ROOT).contains(schema + ".")
                    || o.definition().toLowerCase(Locale.ROOT).contains(schema + "\"."));
  }

  @Test
  void findsNoDriftRightAfterMigrateAndChangesNothingLive() throws Exception {
    TckFixture.Snapshot before = fixture().snapshot();

    SchemaDiff diff = fixture().strata().diff();

    assertThat(diff.differences()).isEmpty();
    assertThat(diff.pending()).isEmpty();
    assertThat(diff.expected()).isEqualTo(diff.actual());
    assertThat(fixture().snapshot()).isEqualTo(before);
  }

  @Test
  void namesAHandMadeIndexAndADroppedViewOnceEach() throws Exception {
    fixture().execute("CREATE INDEX tck_hand_made ON tck_parent (name)");
    fixture().execute("DROP VIEW tck_view");

    SchemaDiff diff = fixture().strata().diff();

    assertThat(diff.differences())
        .extracting(d -> d.kind() + " " + d.object().toLowerCase(Locale.ROOT))
        .containsExactly("UNEXPECTED index tck_parent.tck_hand_made", "MISSING view tck_view");
    SchemaDifference index = diff.differences().get(0);
    assertThat(index.expected()).isNull();
    assertThat(index.actual()).containsIgnoringCase("name");
  }

  @Test
  void reportsPendingMigrationsAsPendingNotAsDrift() throws Exception {
    fixture().file("V2__more.sql", "CREATE TABLE tck_more (id INT);\n");

    SchemaDiff diff = fixture().strata().diff();

    assertThat(diff.differences()).isEmpty();
    assertThat(diff.pending()).extracting(Object::toString).containsExactly("V2 more");
    assertThat(fixture().tables()).doesNotContain("tck_more", "TCK_MORE");
  }

  /** The object of that type, table and name, names compared as the server may fold them. */
  private static SchemaObject find(
      SchemaModel model, SchemaObjectType type, String table, String name) {
    return model.objects(type).stream()
        .filter(o -> o.name().equalsIgnoreCase(name))
        .filter(o -> table == null ? o.table() == null : table.equalsIgnoreCase(o.table()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(type.label() + " " + name + " not in " + model.objects()));
  }
}
