package dev.strata.core.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.SqlStatement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScriptTransactionsTest {
  @Test
  void eachStatementKnowsTheBeginOfTheTransactionItRunsIn() {
    ScriptTransactions own =
        ScriptTransactions.of(
            statements(
                "CREATE TABLE a (id int)",
                "BEGIN",
                "CREATE TABLE b (id int)",
                "COMMIT",
                "CREATE TABLE c (id int)",
                "START TRANSACTION",
                "INSERT INTO c VALUES (1)",
                "COMMIT AND CHAIN",
                "INSERT INTO c VALUES (2)",
                "END"));

    assertThat(openedBy(own, 10)).containsExactly(0, 0, 2, 2, 0, 0, 6, 6, 8, 8);
    assertThat(own.unterminated()).isZero();
  }

  @Test
  void aBeginInsideAnOpenTransactionDoesNotMoveItsStart() {
    ScriptTransactions own =
        ScriptTransactions.of(statements("BEGIN", "BEGIN", "SELECT 1", "COMMIT"));

    assertThat(openedBy(own, 4)).containsExactly(0, 1, 1, 1);
  }

  @Test
  void namesTheBeginOfATransactionTheScriptNeverEnds() {
    assertThat(ScriptTransactions.of(statements("SELECT 1", "BEGIN", "SELECT 2")).unterminated())
        .isEqualTo(2);
    assertThat(
            ScriptTransactions.of(statements("BEGIN", "COMMIT AND CHAIN", "SELECT 2"))
                .unterminated())
        .isEqualTo(2);
    assertThat(ScriptTransactions.of(statements("BEGIN", "ROLLBACK")).unterminated()).isZero();
  }

  private static List<SqlStatement> statements(String... sql) {
    return Arrays.stream(sql).map(s -> SqlStatement.of(s, 1)).toList();
  }

  private static List<Integer> openedBy(ScriptTransactions own, int count) {
    return IntStream.range(0, count).map(own::openedBy).boxed().toList();
  }
}
