package dev.strata.benchmarks;

import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase's {@code update} command through its {@link CommandScope} API, on the XML master
 * changelog that includes each generated file as a formatted-SQL changeset.
 *
 * <p>Settings differing from Liquibase's defaults, as system properties unless already set:
 * analytics off (Liquibase 5 would otherwise fetch its configuration over the network), no banner
 * or summary on the console, and {@code liquibase.changelogLockPollRate=1}: Liquibase polls its
 * lock table every 10 s by default, which would make the concurrent benchmark measure that sleep.
 */
final class LiquibaseEngine implements MigrationEngine {
  // Held so that the level sticks: java.util.logging keeps loggers weakly.
  private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

  static {
    setIfAbsent("liquibase.analytics.enabled", "false");
    setIfAbsent("liquibase.showBanner", "false");
    setIfAbsent("liquibase.changelogLockPollRate", "1");
    LIQUIBASE_LOG.setLevel(Level.SEVERE);
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  @Override
  public String name() {
    return "liquibase";
  }

  @Override
  public int migrate(BenchDatabase db, MigrationSet set) throws Exception {
    try (Connection c = db.connect()) {
      Database database =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
      Map<String, Object> scope =
          Map.of(
              Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(set.dir()),
              Scope.Attr.ui.name(), new LoggerUIService());
      Scope.child(
          scope,
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(
                      UpdateCommandStep.CHANGELOG_FILE_ARG, MigrationSetGenerator.CHANGELOG)
                  .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                  .addArgumentValue(
                      ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                  .execute());
    }
    return UNKNOWN;
  }

  @Override
  public String historyCountQuery(BenchDatabase db) {
    // Unquoted: H2 and MariaDB keep DATABASECHANGELOG as written, PostgreSQL folds both to lower
    // case.
    return "SELECT COUNT(*), COUNT(DISTINCT ID) FROM DATABASECHANGELOG WHERE EXECTYPE = 'EXECUTED'";
  }
}
