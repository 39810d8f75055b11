package dev.strata.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.SqlTokens;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlterTableTest {
  @Test
  void splitsTheClausesAtTopLevelCommasOnly() {
    AlterTable alter =
        AlterTable.of(
            SqlTokens.of(
                "ALTER TABLE IF EXISTS ONLY app.Orders ADD COLUMN total NUMERIC(10, 2),"
                    + " DROP COLUMN note"));

    assertThat(alter).isNotNull();
    assertThat(alter.table()).isEqualTo("orders");
    assertThat(alter.clauses()).extracting(c -> c.get(0)).containsExactly("ADD", "DROP");
    assertThat(alter.clauses().get(0).addedColumn(Set.of(""))).isEqualTo(2);
    assertThat(alter.clauses().get(0).name(2)).isEqualTo("total");
    assertThat(alter.clauses().get(0).get(9)).isEmpty(); // past the clause, not the next one
  }

  @Test
  void readsOnlyAlterTable() {
    assertThat(AlterTable.of(SqlTokens.of("ALTER INDEX i RENAME TO j"))).isNull();
    assertThat(AlterTable.of(SqlTokens.of("CREATE TABLE t (id INT)"))).isNull();
    assertThat(AlterTable.of(SqlTokens.of("ALTER ONLINE TABLE t DROP COLUMN c"))).isNull();
  }

  @Test
  void skipsTheWordsADialectAllowsAroundTheName() {
    SqlTokens t = SqlTokens.of("ALTER ONLINE IGNORE TABLE t NOWAIT ADD INDEX (a), LOCK=NONE");
    AlterTable alter =
        AlterTable.of(t, Set.of("ONLINE", "IGNORE"), k -> t.get(k).equals("NOWAIT") ? k + 1 : k);

    assertThat(alter).isNotNull();
    assertThat(alter.hasModifier("ONLINE")).isTrue();
    assertThat(t.get(alter.bodyStart())).isEqualTo("ADD");
    assertThat(alter.clauses().get(0).addedColumn(Set.of("INDEX", ""))).isEqualTo(-1);
    assertThat(alter.clauses().get(1).has("LOCK", "=", "NONE")).isTrue();
  }
}
