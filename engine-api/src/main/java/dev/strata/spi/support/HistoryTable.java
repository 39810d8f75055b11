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

  /**
   * Text up to 36, nullable: the run that wrote the row, one id per command that changed the
   * database. Added by the engine after the table is created ({@link #ADDED_COLUMNS}).
   */
  public static final String RUN = "run_id";

  /**
   * Text up to 100, nullable: the release label the run was given ({@code strata.release}). Added
   * by the engine after the table is created ({@link #ADDED_COLUMNS}).
   */
  public static final String RELEASE = "release_label";

  /**
   * The columns every history table has, in table order, each given its type by {@link
   * Dialect#createHistoryTable}. {@link #ADDED_COLUMNS} follow them.
   */
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

  /**
   * The columns after {@link #COLUMNS} that a table an earlier Strata created lacks: {@link
   * #createTableIfNotExists} includes them, and the engine adds them ({@link
   * Dialect#addHistoryColumn}) to a table without them before it writes a row; rows written before
   * hold {@code null} in them.
   */
  public static final List<String> ADDED_COLUMNS = List.of(RUN, RELEASE);

  private HistoryTable() {}

  /**
   * {@code ALTER TABLE ... ADD COLUMN} of one of {@link #ADDED_COLUMNS}, a nullable {@code VARCHAR}
   * of its length, in the SQL every supported database accepts.
   *
   * @param quote the dialect's {@link Dialect#quote}
   */
  public static String addColumn(
      String qualifiedTable, UnaryOperator<String> quote, String column) {
    return "ALTER TABLE "
        + qualifiedTable
        + " ADD COLUMN "
        + quote.apply(column)
        + " "
        + addedColumnType(column);
  }

  private static String addedColumnType(String column) {
    return switch (column) {
      case RUN -> "VARCHAR(36)";
      case RELEASE -> "VARCHAR(100)";
      default ->
          throw new IllegalArgumentException(
              column + " is none of the added columns " + ADDED_COLUMNS);
    };
  }

  /**
   * {@code CREATE TABLE IF NOT EXISTS} with every column, in table order, one per line: the usual
   * body of {@link Dialect#createHistoryTable}. {@link #ADDED_COLUMNS} follow {@link #COLUMNS}, as
   * nullable {@code VARCHAR}s, so that a new table has them from the start and never needs the
   * {@code ALTER TABLE} (on H2 an {@code ALTER TABLE} copies the table, and a row lock held on the
   * old copy no longer excludes anyone).
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
      sql.append(",\n");
    }
    for (int i = 0; i < ADDED_COLUMNS.size(); i++) {
      String column = ADDED_COLUMNS.get(i);
      sql.append("  ").append(quote.apply(column)).append(' ').append(addedColumnType(column));
      sql.append(i + 1 < ADDED_COLUMNS.size() ? ",\n" : "\n)");
    }
    return options.isEmpty() ? sql.toString() : sql.append(' ').append(options).toString();
  }
}
