package dev.strata.core.internal.directive;

import dev.strata.api.MigrationPhase;
import org.jspecify.annotations.Nullable;

/**
 * What a script's header says about how to run it, in lines such as {@code --
 * strata:transaction=false}.
 *
 * @param transaction {@code false} to run the script outside a transaction, {@code true} to insist
 *     on one, {@code null} to let Strata decide
 * @param phase the expand/contract phase; {@link MigrationPhase#EXPAND} unless the script says
 */
public record Directives(@Nullable Boolean transaction, MigrationPhase phase) {
  /** A script without directives. */
  public static final Directives NONE = new Directives(null, MigrationPhase.EXPAND);
}
