package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataOption;
import dev.strata.junit.StrataExtension;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Engine options through the programmatic form: only V1, history in schema APP. */
class OptionsTest {
  @RegisterExtension
  static final StrataExtension DB =
      StrataExtension.builder()
          .option(StrataOption.TARGET, "1")
          .option(StrataOption.SCHEMA, "APP")
          .build();

  @Test
  void migratesUpToTheTargetIntoTheSchema(DataSource db) throws SQLException {
    assertThat(Rows.count(db, "APP.customer")).isEqualTo(2);
    assertThat(Rows.count(db, "APP.\"strata_schema_history\"")).isPositive();
    assertThatThrownBy(() -> Rows.count(db, "APP.orders")).isInstanceOf(SQLException.class);
  }
}
