package dev.strata.core.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.api.PlannedMigration;
import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import dev.strata.api.StrataEvent;
import dev.strata.core.internal.discovery.ScriptText;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.spi.MigrationResource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepRendererTest {
  /** A dialect with transactional DDL whose parser splits on ';' and knows CONCURRENTLY. */
  static final class TransactionalDialect implements Dialect {
    @Override
    public String name() {
      return "fake";
    }

    @Override
    public Set<String> fileTags() {
      return Set.of("fake");
    }

    @Override
    public boolean supportsTransactionalDdl() {
      return true;
    }

    @Override
    public String quote(String identifier) {
      return '"' + identifier + '"';
    }

    @Override
    public List<String> createHistoryTable(String table) {
      return List.of();
    }

    @Override
    public MigrationLock lock(Connection c, LockRequest r) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<SqlStatement> parse(String script) {
      List<SqlStatement> statements = new ArrayList<>();
      int line = 1;
      for (String part : script.split(";")) {
        String sql = part.strip();
        int lead = part.length() - part.stripLeading().length();
        int at = line + (int) part.substring(0, lead).chars().filter(ch -> ch == '\n').count();
        String body =
            sql.lines()
                .filter(l -> !l.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b)
                .strip();
        if (!body.isEmpty()) {
          statements.add(new SqlStatement(body, at, body.contains("CONCURRENTLY")));
        }
        line += (int) part.chars().filter(ch -> ch == '\n').count();
      }
      return statements;
    }
  }

  final List<StrataEvent.Warning> warnings = new ArrayList<>();

  PlannedMigration render(String fileName, String script, boolean autocommit) {
    byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
    MigrationId id = new MigrationId(MigrationVersion.parse("1"), "a");
    MigrationResource up =
        new MigrationResource(id, Direction.UP, null, autocommit, fileName, () -> bytes);
    SourceMigration m = new SourceMigration(id, up, script, ScriptText.checksum(script), null);
    return StepRenderer.render(new TransactionalDialect(), m, Direction.UP, warnings::add)
        .planned();
  }

  @Test
  void runsAnOrdinaryScriptInOneTransaction() {
    assertThat(
            render("V1__a.sql", "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);", false)
                .transactional())
        .isTrue();
  }

  @Test
  void runsAScriptWhoseOnlyStatementRefusesTransactionsWithoutOne() {
    assertThat(render("V1__a.sql", "CREATE INDEX CONCURRENTLY i ON t (id);", false).transactional())
        .isFalse();
  }

  @Test
  void refusesAScriptMixingAStatementThatRefusesTransactionsWithOthers() {
    assertThatThrownBy(
            () ->
                render(
                    "V1__a.sql",
                    "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY i ON t (id);",
                    false))
        .isInstanceOf(ScriptParseException.class)
        .hasMessageStartingWith(
            "V1__a.sql:2: 'CREATE INDEX CONCURRENTLY i ON t (id)' cannot run inside a transaction")
        .hasMessageContaining("-- strata:transaction=false");
  }

  @Test
  void runsAMixedScriptStatementByStatementWhenItSaysSo() {
    String script =
        "-- strata:transaction=false\nCREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY i ON t (id);";

    assertThat(render("V1__a.sql", script, false).transactional()).isFalse();
  }

  @Test
  void honoursOrysAutocommitMarker() {
    assertThat(render("1_a.autocommit.up.sql", "CREATE TABLE t (id int);", true).transactional())
        .isFalse();
  }

  @Test
  void refusesATransactionDirectiveThatCannotBeHonoured() {
    assertThatThrownBy(
            () ->
                render(
                    "V1__a.sql",
                    "-- strata:transaction=true\nCREATE INDEX CONCURRENTLY i ON t (id);",
                    false))
        .hasMessageContaining("asks for one (strata:transaction=true)");
  }

  @Test
  void letsAScriptWithItsOwnTransactionControlOwnItsTransactionsAndWarns() {
    PlannedMigration step = render("V1__a.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;", false);

    assertThat(step.transactional()).isFalse();
    assertThat(warnings)
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("controls its own transactions"));
  }

  @Test
  void refusesAScriptThatOpensATransactionItNeverEndsNamingItsBegin() {
    assertThatThrownBy(
            () ->
                render(
                    "V1__a.sql",
                    "CREATE TABLE t (id int);\nBEGIN;\nINSERT INTO t VALUES (1);",
                    false))
        .isInstanceOf(ScriptParseException.class)
        .hasMessageContaining("V1__a.sql:2")
        .hasMessageContaining("'BEGIN' opens a transaction that the script never ends");
  }

  @Test
  void aFormatsOwnSplitKeepsItsBoundariesButTakesTheDialectsTransactionFlags() {
    String script = "CREATE INDEX CONCURRENTLY i ON t (id);";
    byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
    MigrationId id = new MigrationId(MigrationVersion.parse("1"), "a");
    MigrationResource up =
        new MigrationResource(
            id,
            Direction.UP,
            null,
            false,
            "0001_a.sql",
            () -> bytes,
            text -> List.of(SqlStatement.of(text, 1)));
    SourceMigration m = new SourceMigration(id, up, script, ScriptText.checksum(script), null);

    PlannedMigration step =
        StepRenderer.render(new TransactionalDialect(), m, Direction.UP, warnings::add).planned();

    assertThat(step.statements())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sql()).isEqualTo(script);
              assertThat(s.noTransaction()).isTrue();
            });
    assertThat(step.transactional()).isFalse();
  }
}
