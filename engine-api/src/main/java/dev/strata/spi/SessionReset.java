package dev.strata.spi;

import dev.strata.api.SqlStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Takes the migration connection back to the state the first migration of a command started in.
 * psql and the mariadb client give each file a fresh session, so what one script sets for itself (a
 * role, {@code search_path}, {@code sql_mode}, {@code USE}, table locks) must reach neither the
 * next script nor the history row Strata writes after it. Made by {@link Dialect#sessionReset}.
 */
@FunctionalInterface
public interface SessionReset {
  /**
   * Resets the session after a migration ran, before its history row is written: inside the
   * migration's transaction where it has one, so the row is written with the connection's own
   * identity.
   *
   * @param ran the migration's statements, which a dialect may read to skip what none of them can
   *     have changed
   * @param ranCode whether Java code ran too (it may have changed anything)
   * @return {@code true} when the session is now exactly as {@link Dialect#prepareSession} left it,
   *     the limits of {@link Dialect#setTimeouts} included; {@code false} when the limits are still
   *     those the engine set last (nothing else needed resetting), so the engine need not set them
   *     again
   */
  boolean reset(List<SqlStatement> ran, boolean ranCode) throws SQLException;

  /**
   * Whether {@code statement} may change the session: its first word is {@code SET}, {@code USE},
   * {@code RESET} or {@code DISCARD}. A procedure or function can change it too; dialects that can
   * restore the whole session cheaply do so after every migration instead of asking this.
   */
  static boolean mayChangeSession(SqlStatement statement) {
    String first = SqlTokens.firstWord(statement.sql());
    return first.equals("SET")
        || first.equals("USE")
        || first.equals("RESET")
        || first.equals("DISCARD");
  }
}
