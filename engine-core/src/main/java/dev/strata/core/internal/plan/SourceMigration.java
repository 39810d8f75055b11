package dev.strata.core.internal.plan;

import dev.strata.api.JavaMigration;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationPhase;
import dev.strata.core.internal.directive.DirectiveParser;
import dev.strata.core.internal.directive.Directives;
import dev.strata.spi.MigrationResource;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A migration as the sources define it, after choosing the dialect's variant: its up script, its
 * optional down script, and the up script's text, checksum and directives; or a Java migration.
 *
 * <p>The directives are read from the script's header the first time they are asked for, then kept:
 * a start that finds nothing pending never reads them, and planning, rendering and linting read
 * them once between them.
 */
public final class SourceMigration {
  private final MigrationId id;
  private final MigrationResource up;
  private final String upScript;
  private final @Nullable String checksum;
  private final @Nullable MigrationResource down;
  private final @Nullable JavaMigration code;
  private volatile @Nullable Directives directives;

  /**
   * @param checksum {@code null} for a Java migration whose author supplies none (never checked)
   * @param code the Java migration, {@code null} for scripts
   */
  public SourceMigration(
      MigrationId id,
      MigrationResource up,
      String upScript,
      @Nullable String checksum,
      @Nullable MigrationResource down,
      @Nullable JavaMigration code) {
    this.id = id;
    this.up = up;
    this.upScript = upScript;
    this.checksum = checksum;
    this.down = down;
    this.code = code;
  }

  /** A script migration. */
  public SourceMigration(
      MigrationId id,
      MigrationResource up,
      String upScript,
      String checksum,
      @Nullable MigrationResource down) {
    this(id, up, upScript, checksum, down, null);
  }

  public MigrationId id() {
    return id;
  }

  public MigrationResource up() {
    return up;
  }

  /** The up script's text; empty for a Java migration. */
  public String upScript() {
    return upScript;
  }

  public @Nullable String checksum() {
    return checksum;
  }

  public @Nullable MigrationResource down() {
    return down;
  }

  public @Nullable JavaMigration code() {
    return code;
  }

  /**
   * What the up script's header says; for a Java migration, its phase and nothing else.
   *
   * @throws dev.strata.api.ScriptParseException when a directive is malformed
   */
  public Directives directives() {
    Directives d = directives;
    if (d == null) {
      d =
          code != null
              ? new Directives(null, code.phase(), Map.of(), null, null)
              : DirectiveParser.parse(upScript, up.origin());
      directives = d;
    }
    return d;
  }

  /** The expand/contract phase, from the Java migration or the script's header directives. */
  public MigrationPhase phase() {
    return directives().phase();
  }

  @Override
  public String toString() {
    return id + " (" + up.origin() + ")";
  }
}
