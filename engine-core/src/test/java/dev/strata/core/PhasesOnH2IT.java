package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationPhase;
import dev.strata.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A column rename done the expand/contract way. */
class PhasesOnH2IT {
  @TempDir Path dir;
  H2Database db;

  @BeforeEach
  void setUp() throws Exception {
    db = new H2Database(dir);
    db.file("V1__person.sql", "CREATE TABLE person (id INT PRIMARY KEY, fullname VARCHAR(100));\n")
        .file(
            "V2__add_name.sql",
            "-- strata:phase=expand\nALTER TABLE person ADD COLUMN name VARCHAR(100);\n")
        .file(
            "V3__drop_fullname.sql",
            "-- strata:phase=contract\nALTER TABLE person DROP COLUMN fullname;\n")
        .file("V4__add_email.sql", "ALTER TABLE person ADD COLUMN email VARCHAR(100);\n");
  }

  Strata phase(MigrationPhase phase) {
    return db.configure().phase(phase).load();
  }

  @Test
  void expandStopsBeforeTheFirstContractMigrationSoOldCodeKeepsWorking() throws Exception {
    var result = phase(MigrationPhase.EXPAND).migrate();

    assertThat(result.summary()).contains("(V1, V2)");
    // Old code still reads the old column; new code can write both.
    assertThat(db.column("SELECT COUNT(fullname) + COUNT(name) FROM person")).containsExactly("0");
  }

  @Test
  void contractAppliesTheContractMigrationsOnceTheExpandOnesAreIn() throws Exception {
    phase(MigrationPhase.EXPAND).migrate();

    var contract = phase(MigrationPhase.CONTRACT).migrate();
    var expandAgain = phase(MigrationPhase.EXPAND).migrate();

    assertThat(contract.summary()).contains("(V3)");
    assertThat(expandAgain.summary()).contains("(V4)");
    assertThat(
            db.column(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'FULLNAME'"))
        .containsExactly("0");
  }

  @Test
  void contractRefusesWhileAnEarlierExpandMigrationIsPending() {
    assertThatThrownBy(() -> phase(MigrationPhase.CONTRACT).migrate())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("V1 person")
        .hasMessageContaining("strata.phase=expand");
  }

  @Test
  void statusAndPlanShowPhases() throws Exception {
    assertThat(db.strata().status().migrations())
        .extracting(MigrationInfo::phase)
        .containsExactly(
            MigrationPhase.EXPAND,
            MigrationPhase.EXPAND,
            MigrationPhase.CONTRACT,
            MigrationPhase.EXPAND);
    assertThat(db.strata().plan().steps())
        .extracting(s -> s.phase().label())
        .containsExactly("expand", "expand", "contract", "expand");
  }

  @Test
  void withoutAPhaseEverythingRunsInVersionOrder() throws Exception {
    assertThat(db.strata().migrate().applied()).hasSize(4);
  }
}
