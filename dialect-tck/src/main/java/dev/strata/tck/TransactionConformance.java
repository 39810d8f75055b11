package dev.strata.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationFailedException;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * That a migration whose second statement fails leaves what the dialect's transactional claim
 * promises: nothing, with transactional DDL; otherwise the first statement, reported as applied.
 */
abstract class TransactionConformance extends ConformanceGroup {
  /** Creates a table, then fails: the second statement inserts into a table that is not there. */
  private static final String FAILING =
      "CREATE TABLE tck_first (id INT);\n\nINSERT INTO tck_missing VALUES (1);\n";

  @Test
  void claimsTransactionalDdlExactlyAsTheProviderDeclares() {
    assertThat(fixture().offlineDialect().supportsTransactionalDdl())
        .as("Dialect.supportsTransactionalDdl() against Capabilities.transactionalDdl()")
        .isEqualTo(fixture().capabilities().transactionalDdl());
  }

  @Test
  void leavesNothingBehindWhenATransactionalMigrationFails() throws Exception {
    Assumptions.assumeTrue(
        fixture().capabilities().transactionalDdl(),
        "the provider does not claim transactionalDdl");
    fixture().file("V1__failing.sql", FAILING);

    assertThatThrownBy(() -> fixture().strata().migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("V1__failing.sql:3")
        .hasMessageContaining("nothing of it is applied");

    assertThat(fixture().tables()).as("tables after the failure").doesNotContain("tck_first");
    assertThat(fixture().strata().status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.PENDING);
  }

  @Test
  void reportsWhatRemainsWhenANonTransactionalMigrationFails() throws Exception {
    Assumptions.assumeFalse(
        fixture().capabilities().transactionalDdl(),
        "the provider claims transactionalDdl, so nothing may remain");
    fixture().file("V1__failing.sql", FAILING);

    assertThatThrownBy(() -> fixture().strata().migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("V1__failing.sql:3")
        .hasMessageContaining("statements 1-1 of 2");

    assertThat(fixture().tables()).as("tables after the failure").contains("tck_first");
    assertThat(fixture().strata().history())
        .singleElement()
        .satisfies(e -> assertThat(e.success()).isFalse())
        .satisfies(e -> assertThat(e.statementsApplied()).isEqualTo(1));
    assertThat(fixture().strata().status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.FAILED);
  }

  @Test
  void appliesAFixedMigrationAfterAFailureThatLeftNothing() throws Exception {
    fixture().file("V1__failing.sql", "INSERT INTO tck_missing VALUES (1);\n");
    assertThatThrownBy(() -> fixture().strata().migrate())
        .isInstanceOf(MigrationFailedException.class);

    fixture().file("V1__failing.sql", "CREATE TABLE tck_first (id INT);\n");

    assertThat(fixture().strata().migrate().applied()).hasSize(1);
    assertThat(fixture().tables()).contains("tck_first");
  }
}
