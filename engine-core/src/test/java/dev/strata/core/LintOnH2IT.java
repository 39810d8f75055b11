package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.LintFailedException;
import dev.strata.api.LintFinding;
import dev.strata.api.LintSeverity;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintOnH2IT {
  @TempDir Path dir;
  H2Database db;

  @BeforeEach
  void setUp() throws Exception {
    db = new H2Database(dir);
    db.file("V1__person.sql", "CREATE TABLE person (id INT PRIMARY KEY, email VARCHAR(100));\n");
    db.strata().migrate();
    db.file("V2__drop_email.sql", "ALTER TABLE person DROP COLUMN email;\n");
  }

  @Test
  void lintsOnlyPendingMigrationsAndTakesAppliedTablesAsExisting() {
    assertThat(db.strata().lint().findings())
        .extracting(LintFinding::rule)
        .containsExactly("ban-drop-column");
  }

  @Test
  void theLintGateStopsMigrateBeforeAnythingChanges() throws Exception {
    assertThatThrownBy(() -> db.configure().lintGate(LintSeverity.WARNING).load().migrate())
        .isInstanceOf(LintFailedException.class)
        .hasMessageContaining("V2__drop_email.sql:1: warning ban-drop-column")
        .hasMessageContaining("strata:lint-ignore");
    assertThat(db.history()).hasSize(1);
  }

  @Test
  void withoutTheGateMigrateApplies() {
    assertThat(db.strata().migrate().applied()).hasSize(1);
  }
}
