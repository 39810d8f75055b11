package dev.strata.core.internal.directive;

import dev.strata.api.MigrationPhase;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a script's header says about how to run it, in lines such as {@code --
 * strata:transaction=false}.
 *
 * @param transaction {@code false} to run the script outside a transaction, {@code true} to insist
 *     on one, {@code null} to let Strata decide
 * @param phase the expand/contract phase; {@link MigrationPhase#EXPAND} unless the script says
 * @param lintIgnores lint rule ids to ignore in this script, each with the reason given
 * @param ddlLockTimeout how long one of its statements may wait for a table lock; {@code null}: the
 *     default
 * @param statementTimeout how long one of its statements may run; {@code null}: the default
 */
public record Directives(
    @Nullable Boolean transaction,
    MigrationPhase phase,
    Map<String, String> lintIgnores,
    @Nullable Duration ddlLockTimeout,
    @Nullable Duration statementTimeout) {
  /** A script without directives. */
  public static final Directives NONE =
      new Directives(null, MigrationPhase.EXPAND, Map.of(), null, null);

  public Directives {
    lintIgnores = Map.copyOf(lintIgnores);
  }
}
