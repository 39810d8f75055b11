package dev.strata.core.internal.schema;

import static dev.strata.api.schema.SchemaObjectType.COLUMN;
import static dev.strata.api.schema.SchemaObjectType.CONSTRAINT;
import static dev.strata.api.schema.SchemaObjectType.INDEX;
import static dev.strata.api.schema.SchemaObjectType.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.schema.SchemaDifference;
import dev.strata.api.schema.SchemaModel;
import dev.strata.api.schema.SchemaObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaComparisonTest {
  private static final SchemaObject ORDERS = SchemaObject.of(TABLE, "orders", "");
  private static final SchemaObject TOTAL =
      SchemaObject.ofTable(COLUMN, "orders", "total", "numeric(10,2)");

  @Test
  void equalModelsHaveNoDifferences() {
    SchemaModel model = SchemaModel.of(List.of(ORDERS, TOTAL), List.of());

    assertThat(SchemaComparison.compare(model, model)).isEmpty();
  }

  @Test
  void namesEachMissingUnexpectedAndChangedObjectOnceInTheModelsOrder() {
    SchemaModel expected =
        SchemaModel.of(
            List.of(ORDERS, TOTAL, SchemaObject.ofTable(INDEX, "orders", "a", "CREATE INDEX a")),
            List.of());
    SchemaModel actual =
        SchemaModel.of(
            List.of(
                ORDERS,
                SchemaObject.ofTable(COLUMN, "orders", "total", "numeric(12,2)"),
                SchemaObject.ofTable(INDEX, "orders", "b", "CREATE INDEX b")),
            List.of());

    assertThat(SchemaComparison.compare(expected, actual))
        .extracting(SchemaDifference::toString)
        .containsExactly(
            "changed column orders.total: expected numeric(10,2), actual numeric(12,2)",
            "missing index orders.a: expected CREATE INDEX a",
            "unexpected index orders.b: actual CREATE INDEX b");
  }

  @Test
  void aTableMissingOrUnexpectedAsAWholeIsOneDifference() {
    SchemaObject extra = SchemaObject.of(TABLE, "hand_made", "");
    SchemaModel expected = SchemaModel.of(List.of(ORDERS, TOTAL), List.of());
    SchemaModel actual =
        SchemaModel.of(
            List.of(
                extra,
                SchemaObject.ofTable(COLUMN, "hand_made", "id", "int"),
                SchemaObject.ofTable(
                    CONSTRAINT, "hand_made", "hand_made_pkey", "PRIMARY KEY (id)")),
            List.of());

    assertThat(SchemaComparison.compare(expected, actual))
        .extracting(SchemaDifference::object)
        .containsExactly("table hand_made", "table orders");
  }
}
