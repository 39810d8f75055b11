package dev.strata.core;

import dev.strata.api.Direction;
import dev.strata.api.PlannedMigration;
import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import dev.strata.core.internal.discovery.ScriptText;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import dev.strata.spi.MigrationResource;
import java.util.List;
import java.util.Objects;

/** Turns a migration into a plan step: its script split by the dialect, and how it will run. */
final class StepRenderer {
  private StepRenderer() {}

  static PlannedMigration render(Dialect dialect, SourceMigration m, Direction direction) {
    MigrationResource resource = direction == Direction.UP ? m.up() : Objects.requireNonNull(m.down());
    String script = direction == Direction.UP ? m.upScript() : ScriptText.read(resource);
    List<SqlStatement> statements;
    try {
      statements = dialect.parse(script);
    } catch (ScriptParseException e) {
      throw e.withOrigin(resource.origin());
    }
    boolean transactional =
        dialect.supportsTransactionalDdl()
            && !resource.autocommit()
            && statements.stream().noneMatch(SqlStatement::noTransaction);
    String checksum = direction == Direction.UP ? m.checksum() : ScriptText.checksum(script);
    return new PlannedMigration(m.id(), direction, resource.origin(), checksum, statements, transactional);
  }
}
