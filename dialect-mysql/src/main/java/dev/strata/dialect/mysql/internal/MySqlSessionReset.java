package dev.strata.dialect.mysql.internal;

import dev.strata.api.SqlStatement;
import dev.strata.spi.SessionReset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Takes a MySQL migration session back to how it was prepared after each migration, as the mariadb
 * client's fresh session per file would have it: table locks released ({@code LOCK TABLES}, {@code
 * FLUSH TABLES WITH READ LOCK}), the migration database selected again after a {@code USE}, and the
 * session variables that scripts (and mysqldump's headers) set for themselves back at the values
 * the session had: {@code sql_mode}, {@code FOREIGN_KEY_CHECKS}, {@code UNIQUE_CHECKS}, {@code
 * time_zone}, the character sets, the dialect's own limits.
 *
 * <p>The variables take one round trip after every migration, whatever it ran: a stored procedure
 * or a {@code /*!40101 SET ...}{@code *}{@code /} comment can change them as well as a plain {@code
 * SET}. {@code LOCK TABLES} and {@code USE} are not allowed in stored programs, so their undoing is
 * sent only after a script that has them.
 */
final class MySqlSessionReset implements SessionReset {
  /** What a script may set for itself; read once, restored after every migration. */
  private static final List<String> VARIABLES =
      List.of(
          "sql_mode",
          "foreign_key_checks",
          "unique_checks",
          "time_zone",
          "character_set_client",
          "character_set_connection",
          "character_set_results",
          "collation_connection",
          "sql_notes",
          "sql_safe_updates",
          "sql_auto_is_null",
          "group_concat_max_len",
          "lock_wait_timeout");

  private final Connection connection;
  private final String useSchema;
  private final String restore;
  private final List<@Nullable Object> values;

  private MySqlSessionReset(
      Connection connection, String useSchema, String restore, List<@Nullable Object> values) {
    this.connection = connection;
    this.useSchema = useSchema;
    this.restore = restore;
    this.values = values;
  }

  /**
   * Reads the session variables of {@code connection} as they are now.
   *
   * @param statementLimit the variable of the statement time limit ({@code max_statement_time} on
   *     MariaDB, {@code max_execution_time} on MySQL)
   * @param useSchema the statement that selects the migration database
   */
  static MySqlSessionReset read(Connection connection, String statementLimit, String useSchema)
      throws SQLException {
    List<String> variables = new ArrayList<>(VARIABLES);
    variables.add(statementLimit);
    StringBuilder select = new StringBuilder("SELECT ");
    StringBuilder restore = new StringBuilder("SET SESSION ");
    for (int i = 0; i < variables.size(); i++) {
      String separator = i == 0 ? "" : ", ";
      select.append(separator).append("@@SESSION.").append(variables.get(i));
      restore.append(separator).append(variables.get(i)).append(" = ?");
    }
    List<@Nullable Object> values = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(select.toString())) {
      rs.next();
      for (int i = 1; i <= variables.size(); i++) {
        values.add(rs.getObject(i));
      }
    }
    return new MySqlSessionReset(connection, useSchema, restore.toString(), values);
  }

  @Override
  public boolean reset(List<SqlStatement> ran, boolean ranCode) throws SQLException {
    boolean locked = ranCode;
    boolean used = ranCode;
    for (SqlStatement statement : ran) {
      String first = leadingWord(statement.sql());
      locked |= first.equals("LOCK") || first.equals("FLUSH");
      used |= first.equals("USE");
    }
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      if (locked) {
        s.execute("UNLOCK TABLES");
      }
      if (used) {
        s.execute(useSchema);
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(restore)) {
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      ps.execute();
    }
    return true;
  }

  /**
   * The first word of a statement in upper case, read inside a versioned comment ({@code /*!40000
   * LOCK TABLES ...}, MariaDB's {@code /*M!}) as the server reads it; other comments skipped.
   */
  static String leadingWord(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i)) {
        i += sql.charAt(i + 2) == 'M' ? 4 : 3;
        while (i < n && Character.isDigit(sql.charAt(i))) {
          i++;
        }
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '#' || sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else {
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
          i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
      }
    }
    return "";
  }
}
