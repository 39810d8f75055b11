package dev.strata.core.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.SqlStatement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  @ParameterizedTest
  @CsvSource({
    "BEGIN, OPENS",
    "start transaction read only, OPENS",
    "COMMIT, ENDS",
    "end transaction, ENDS",
    "ROLLBACK WORK, ENDS",
    "ABORT, ENDS",
    "BEGIN DEFERRABLE, OPENS",
    "begin not deferrable, OPENS",
    "BEGIN READ WRITE, OPENS",
    "COMMIT AND NO CHAIN, ENDS",
    "COMMIT AND CHAIN, CHAINS",
    "rollback and chain, CHAINS",
    "ROLLBACK TO SAVEPOINT a, NONE"
  })
  void tellsWhatAStatementDoesToTheTransaction(String sql, TransactionControl.Effect effect) {
    assertThat(TransactionControl.effect(SqlStatement.of(sql, 1))).isEqualTo(effect);
  }
}
