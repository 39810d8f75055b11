package dev.strata.core.internal.plan;

import dev.strata.api.JavaMigration;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationPhase;
import dev.strata.core.internal.directive.DirectiveParser;
import dev.strata.spi.MigrationResource;
import org.jspecify.annotations.Nullable;

/**
 * A migration as the sources define it, after choosing the dialect's variant: its up script, its
 * optional down script, and the up script's text and checksum; or a Java migration.
 *
 * @param checksum {@code null} for a Java migration whose author supplies none (never checked)
 * @param code the Java migration, {@code null} for scripts
 */
public record SourceMigration(
    MigrationId id,
    MigrationResource up,
    String upScript,
    @Nullable String checksum,
    @Nullable MigrationResource down,
    @Nullable JavaMigration code) {

  /** A script migration. */
  public SourceMigration(
      MigrationId id,
      MigrationResource up,
      String upScript,
      String checksum,
      @Nullable MigrationResource down) {
    this(id, up, upScript, checksum, down, null);
  }

  /** The expand/contract phase, from the Java migration or the script's header directives. */
  public MigrationPhase phase() {
    return code != null ? code.phase() : DirectiveParser.parse(upScript, up.origin()).phase();
  }
}
