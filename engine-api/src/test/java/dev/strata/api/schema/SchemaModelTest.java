package dev.strata.api.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaModelTest {
  private static final SchemaObject ORDERS = SchemaObject.of(SchemaObjectType.TABLE, "orders", "");
  private static final SchemaObject TOTAL =
      SchemaObject.ofTable(SchemaObjectType.COLUMN, "orders", "total", "numeric");
  private static final SchemaObject INDEX =
      SchemaObject.ofTable(SchemaObjectType.INDEX, "orders", "i", "CREATE INDEX i ON orders (a)");
  private static final SchemaObject MOOD =
      SchemaObject.of(SchemaObjectType.ENUM_TYPE, "mood", "CREATE TYPE mood AS ENUM ('ok')");

  @Test
  void ordersObjectsByTypeTableAndNameWhateverOrderTheyCameIn() {
    SchemaModel model = SchemaModel.of(List.of(INDEX, TOTAL, ORDERS, MOOD), List.of("b", "a"));

    assertThat(model.objects()).containsExactly(MOOD, ORDERS, TOTAL, INDEX);
    assertThat(model.notInspected()).containsExactly("a", "b");
    assertThat(model)
        .isEqualTo(SchemaModel.of(List.of(MOOD, ORDERS, TOTAL, INDEX), List.of("a", "b")));
  }

  @Test
  void findsAnObjectByTypeTableAndName() {
    SchemaModel model = SchemaModel.of(List.of(INDEX, TOTAL, ORDERS), List.of());

    assertThat(model.find(SchemaObjectType.COLUMN, "orders", "total")).isEqualTo(TOTAL);
    assertThat(model.find(SchemaObjectType.COLUMN, null, "total")).isNull();
    assertThat(model.objectsOf(SchemaObjectType.COLUMN, "orders")).containsExactly(TOTAL);
    assertThat(TOTAL.describe()).isEqualTo("column orders.total");
    assertThat(SchemaObjectType.MATERIALIZED_VIEW.label()).isEqualTo("materialized view");
  }

  @Test
  void refusesTheSameObjectTwice() {
    SchemaObject again = SchemaObject.ofTable(SchemaObjectType.COLUMN, "orders", "total", "int");

    assertThatThrownBy(() -> SchemaModel.of(List.of(TOTAL, again), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Inspected twice: column orders.total");
  }
}
