package dev.strata.core.internal.directive;

import dev.strata.api.MigrationPhase;
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
 */
public record Directives(
    @Nullable Boolean transaction, MigrationPhase phase, Map<String, String> lintIgnores) {
  /** A script without directives. */
  public static final Directives NONE = new Directives(null, MigrationPhase.EXPAND, Map.of());

  public Directives {
    lintIgnores = Map.copyOf(lintIgnores);
  }
}
