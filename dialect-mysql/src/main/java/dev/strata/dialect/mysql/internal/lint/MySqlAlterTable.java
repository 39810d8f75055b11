package dev.strata.dialect.mysql.internal.lint;

import dev.strata.spi.SqlTokens;
import dev.strata.spi.support.AlterTable;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * MySQL's and MariaDB's {@code ALTER [ONLINE] [IGNORE] TABLE [IF EXISTS] name [WAIT n | NOWAIT]
 * clause, ...}, read by the shared {@link AlterTable}: what MySQL allows around the name, and what
 * may follow {@code ADD} when it adds no column.
 */
final class MySqlAlterTable {
  /** What may follow {@code ADD} when it adds no column. */
  static final Set<String> NOT_A_COLUMN =
      Set.of(
          "INDEX",
          "KEY",
          "FULLTEXT",
          "SPATIAL",
          "CONSTRAINT",
          "PRIMARY",
          "UNIQUE",
          "FOREIGN",
          "CHECK",
          "PARTITION",
          "PERIOD",
          "SYSTEM",
          "");

  /** {@code ALTER ONLINE} is MariaDB's {@code LOCK=NONE}; {@code IGNORE} drops duplicate rows. */
  private static final Set<String> MODIFIERS = Set.of("ONLINE", "IGNORE");

  private MySqlAlterTable() {}

  /** The statement's parts, or {@code null} when it is no {@code ALTER TABLE}. */
  static @Nullable AlterTable of(SqlTokens t) {
    return AlterTable.of(
        t, MODIFIERS, k -> t.get(k).equals("WAIT") ? k + 2 : t.get(k).equals("NOWAIT") ? k + 1 : k);
  }
}
