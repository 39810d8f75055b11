package dev.strata.core.internal.adopt;

import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Another migration tool's history table, read so that a team switching to Strata re-runs nothing:
 * what that tool applied is matched with the sources and recorded as baselined. Read only on an
 * explicit {@code baseline --from}; its mere presence never changes {@code migrate}.
 */
public interface ForeignHistory {
  /** The tool's name as users give it to {@code baseline --from}. */
  String tool();

  /**
   * The source migrations the tool applied, and those it would still apply though older than the
   * newest it applied.
   *
   * @param outOfOrder Strata's {@code outOfOrder} option: whether migrations older than the newest
   *     applied one may be applied later (goose's {@code -allow-missing})
   * @return no applied migrations when the tool's table does not exist or is empty
   * @throws dev.strata.api.ValidationException when the tool's records and the sources disagree
   */
  Adoption adopt(
      Connection connection,
      Dialect dialect,
      String schema,
      List<SourceMigration> sources,
      boolean outOfOrder)
      throws SQLException;

  /** The known tools. */
  static List<ForeignHistory> all() {
    return List.of(
        new DrizzleHistory(),
        new FlywayHistory(),
        new GolangMigrateHistory(),
        new GooseHistory(),
        new DbmateHistory(),
        new SqlxHistory(),
        new DieselHistory(),
        new PrismaHistory());
  }
}
