package dev.strata.core.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.SqlStatement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionControlTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "BEGIN",
        "begin transaction",
        "BEGIN WORK",
        "BEGIN ISOLATION LEVEL SERIALIZABLE",
        "START TRANSACTION",
        "start transaction read only",
        "COMMIT",
        "commit work",
        "END",
        "ROLLBACK",
        "COMMIT AND CHAIN"
      })
  void recognisesTransactionControl(String sql) {
    assertThat(TransactionControl.isTransactionControl(SqlStatement.of(sql, 1))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BEGIN ATOMIC SELECT 1; END",
        "BEGIN NOT ATOMIC SELECT 1; END",
        "ROLLBACK TO SAVEPOINT a",
        "CREATE TABLE begin_log (id int)",
        "COMMENT ON TABLE t IS 'commit'",
        "END_DATE",
        "SELECT 1"
      })
  void leavesOtherStatementsAlone(String sql) {
    assertThat(TransactionControl.isTransactionControl(SqlStatement.of(sql, 1))).isFalse();
  }
}
