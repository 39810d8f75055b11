package dev.strata.spi.support;

import dev.strata.spi.Dialect;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The columns of Strata's history table, the contract between the engine (which reads and writes
 * rows with plain JDBC) and {@link Dialect#createHistoryTable} (which chooses their types).
 *
 * <p>Row {@code installed_rank = 0} is written when the table is created; dialects without advisory
 * locks lock that row (see {@link RowLock}).
 */
public final class HistoryTable {
  /** The default table name. */
  public static final String DEFAULT_NAME = "strata_schema_history";

  /** Integer, primary key: 0 for the creation row, then 1, 2, ... in the order rows are written. */
  public static final String RANK = "installed_rank";

  /** Text up to 50, null for repeatable migrations. */
  public static final String VERSION = "version";

  /** Text up to 200. */
  public static final String DESCRIPTION = "description";

  /** Text up to 20: {@link dev.strata.api.HistoryAction} names, {@code CREATE} for row 0. */
  public static final String ACTION = "action";

  /** Text up to 1000: the script's file. */
  public static final String SCRIPT = "script";

  /** Text up to 64, nullable. */
  public static final String CHECKSUM = "checksum";

  /** Boolean. */
  public static final String SUCCESS = "success";

  /** Integer. */
  public static final String STATEMENTS = "statements_applied";

  /** Text up to 100. */
  public static final String INSTALLED_BY = "installed_by";

  /** Timestamp (UTC). */
  public static final String INSTALLED_AT = "installed_at";

  /** Big integer, milliseconds. */
  public static final String DURATION = "duration_ms";

  /** Text up to 20. */
  public static final String ENGINE_VERSION = "engine_version";

  /**
   * Text up to 500, nullable: what the dialect records about the migration session for
   * reproducibility ({@link Dialect#describeSession}, e.g. MySQL's {@code sql_mode}).
   */
  public static final String SESSION = "session_info";

  /** Every column, in table order. */
  public static final List<String> COLUMNS =
      List.of(
          RANK,
          VERSION,
          DESCRIPTION,
          ACTION,
          SCRIPT,
          CHECKSUM,
          SUCCESS,
          STATEMENTS,
          INSTALLED_BY,
          INSTALLED_AT,
          DURATION,
          ENGINE_VERSION,
          SESSION);

  private HistoryTable() {}

  /**
   * {@code CREATE TABLE IF NOT EXISTS} with every column, in table order, one per line: the usual
   * body of {@link Dialect#createHistoryTable}.
   *
   * @param quote the dialect's {@link Dialect#quote}
   * @param types each column's type and constraints, in {@link #COLUMNS} order
   * @param options what follows the closing parenthesis ({@code ENGINE=InnoDB ...}), or {@code ""}
   */
  public static String createTableIfNotExists(
      String qualifiedTable, UnaryOperator<String> quote, List<String> types, String options) {
    if (types.size() != COLUMNS.size()) {
      throw new IllegalArgumentException(
          "give one type for each of the "
              + COLUMNS.size()
              + " columns "
              + COLUMNS
              + ", not "
              + types.size());
    }
    StringBuilder sql =
        new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(qualifiedTable).append(" (\n");
    for (int i = 0; i < COLUMNS.size(); i++) {
      sql.append("  ").append(quote.apply(COLUMNS.get(i))).append(' ').append(types.get(i));
      sql.append(i + 1 < COLUMNS.size() ? ",\n" : "\n)");
    }
    return options.isEmpty() ? sql.toString() : sql.append(' ').append(options).toString();
  }
}
