package dev.strata.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorProcessTest {
  @TempDir Path dir;

  @Test
  void aChildThatFailsIsReportedWithItsStandardError() throws Exception {
    MigrationSet set = MigrationSetGenerator.generate(dir, MigrationSetGenerator.Shape.TRIVIAL, 2);
    JdbcTarget target = new JdbcTarget(BenchDatabase.Kind.H2, "jdbc:h2:mem:unused", "sa", "");

    try (MigratorProcess child =
        MigratorProcess.start("migrator 1 of 1", "noSuchEngine", target, set)) {
      child.awaitReady();
      child.go();

      assertThatThrownBy(child::awaitApplied)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("migrator 1 of 1 (pid ")
          .hasMessageContaining(
              ") exited with 1 without saying what it applied; its standard error:")
          .hasMessageContaining("Unknown engine 'noSuchEngine'");
    }
  }

  @Test
  void aChildAppliesTheSetOnceToldToGo() throws Exception {
    MigrationSet set = MigrationSetGenerator.generate(dir, MigrationSetGenerator.Shape.TRIVIAL, 3);
    try (BenchDatabase db = BenchDatabase.createShared(BenchDatabase.Kind.H2);
        MigratorProcess child =
            MigratorProcess.start("migrator 1 of 1", "historyFloor", db.target(), set)) {
      child.awaitReady();
      child.go();

      assertThat(child.awaitApplied()).isEqualTo(3);
      Verification.appliedExactlyOnce(db, set, new HistoryFloor());
    }
  }

  @Test
  void anInMemoryH2DatabaseOnlyThisJvmReachesHasNoTarget() throws Exception {
    try (BenchDatabase db = BenchDatabase.create(BenchDatabase.Kind.H2)) {
      assertThatThrownBy(db::target)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("create it with BenchDatabase.createShared");
    }
  }
}
