package dev.strata.core.internal.execute;

import dev.strata.api.Direction;
import dev.strata.api.PlannedMigration;
import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import dev.strata.api.StrataEvent;
import dev.strata.core.internal.directive.DirectiveParser;
import dev.strata.core.internal.directive.Directives;
import dev.strata.core.internal.discovery.ScriptText;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SqlTokens;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** Turns a migration into a plan step: its script split by the dialect, and how it will run. */
public final class StepRenderer {
  private StepRenderer() {}

  public static Step render(
      Dialect dialect,
      SourceMigration m,
      Direction direction,
      Consumer<StrataEvent.Warning> warnings) {
    if (m.code() != null) {
      return new Step(
          new PlannedMigration(
              m.id(),
              direction,
              m.up().origin(),
              m.checksum(),
              List.of(),
              m.code().transactional(),
              m.code().phase()),
          m.code(),
          null,
          null);
    }
    MigrationResource resource =
        direction == Direction.UP ? m.up() : Objects.requireNonNull(m.down());
    String script = direction == Direction.UP ? m.upScript() : ScriptText.read(resource);
    List<SqlStatement> statements;
    try {
      statements =
          resource.splitter() != null
              ? withDialectFlags(dialect, resource.splitter().split(script))
              : dialect.parse(script);
    } catch (ScriptParseException e) {
      throw e.withOrigin(resource.origin());
    }
    Directives directives =
        direction == Direction.UP
            ? m.directives()
            : DirectiveParser.parse(script, resource.origin());
    if (dialect.supportsTransactionalDdl()) {
      refuseUnendedTransaction(resource, statements);
    }
    // Without transactional DDL, a script of data changes only still runs in one transaction:
    // DML rolls back everywhere.
    boolean transactional =
        (dialect.supportsTransactionalDdl() || onlyDataChanges(statements))
            && transactional(resource, statements, directives, warnings);
    String checksum = direction == Direction.UP ? m.checksum() : ScriptText.checksum(script);
    return new Step(
        new PlannedMigration(
            m.id(),
            direction,
            resource.origin(),
            checksum,
            statements,
            transactional,
            directives.phase()),
        null,
        directives.ddlLockTimeout(),
        directives.statementTimeout());
  }

  /**
   * A script that opens a transaction and never ends it does nothing of what follows its {@code
   * BEGIN}: psql and every other client roll the open transaction back when the session ends, so
   * running it would report as applied what the script's own tool leaves undone.
   */
  private static void refuseUnendedTransaction(
      MigrationResource resource, List<SqlStatement> statements) {
    if (!TransactionControl.anyIn(statements)) {
      return;
    }
    int opening = ScriptTransactions.of(statements).unterminated();
    if (opening != 0) {
      SqlStatement begin = statements.get(opening - 1);
      throw new ScriptParseException(
          resource.origin(),
          begin.line(),
          "'"
              + begin.firstLine()
              + "' opens a transaction that the script never ends, so the database would roll"
              + " back everything after it when the session ends (as psql does); add COMMIT; at"
              + " the end of the transaction");
    }
  }

  private static final Set<String> DATA_CHANGES =
      Set.of(
          "INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "SELECT", "WITH", "VALUES", "UPSERT");

  /** Whether every statement reads or changes rows only (no DDL, no implicit commit). */
  private static boolean onlyDataChanges(List<SqlStatement> statements) {
    return !statements.isEmpty()
        && statements.stream().allMatch(s -> DATA_CHANGES.contains(SqlTokens.firstWord(s.sql())));
  }

  /**
   * A format's own split keeps its boundaries, but only the dialect knows which statements refuse
   * transactions: each piece takes the flags of what the dialect's parser finds in it.
   */
  private static List<SqlStatement> withDialectFlags(Dialect dialect, List<SqlStatement> pieces) {
    return pieces.stream()
        .map(
            p ->
                new SqlStatement(
                    p.sql(),
                    p.line(),
                    dialect.parse(p.sql()).stream().anyMatch(SqlStatement::noTransaction),
                    p.data()))
        .toList();
  }

  /**
   * Whether the script may run in one transaction. A script runs statement by statement when it
   * asks to ({@code -- strata:transaction=false}, Ory's {@code .autocommit.}), when it controls its
   * own transactions, or when all its statements refuse transactions; a script that mixes such a
   * statement with others is refused unless it asks to run statement by statement, since a failure
   * would then leave it half-applied.
   */
  private static boolean transactional(
      MigrationResource resource,
      List<SqlStatement> statements,
      Directives directives,
      Consumer<StrataEvent.Warning> warnings) {
    boolean optedOut = resource.autocommit() || Boolean.FALSE.equals(directives.transaction());
    List<SqlStatement> refusing = statements.stream().filter(SqlStatement::noTransaction).toList();
    if (!refusing.isEmpty()) {
      SqlStatement first = refusing.get(0);
      if (Boolean.TRUE.equals(directives.transaction())) {
        throw new ScriptParseException(
            resource.origin(),
            first.line(),
            "'"
                + first.firstLine()
                + "' cannot run inside a transaction, but the script asks for"
                + " one (strata:transaction=true); move it to a migration of its own");
      }
      if (!optedOut && refusing.size() < statements.size()) {
        throw new ScriptParseException(
            resource.origin(),
            first.line(),
            "'"
                + first.firstLine()
                + "' cannot run inside a transaction, and the script has other"
                + " statements that would then run without one; move it to a migration of its"
                + " own, or add the header line -- strata:transaction=false to run the script"
                + " statement by statement");
      }
      return false;
    }
    if (TransactionControl.anyIn(statements)) {
      warnings.accept(
          new StrataEvent.Warning(
              resource.origin(),
              resource.origin()
                  + " controls its own transactions (BEGIN/COMMIT), so Strata runs it without"
                  + " wrapping it in one and records it after its last statement"));
      return false;
    }
    return !optedOut;
  }
}
