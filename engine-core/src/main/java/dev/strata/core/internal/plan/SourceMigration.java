package dev.strata.core.internal.plan;

import dev.strata.api.MigrationId;
import dev.strata.spi.MigrationResource;
import org.jspecify.annotations.Nullable;

/**
 * A migration as the sources define it, after choosing the dialect's variant: its up script, its
 * optional down script, and the up script's text and checksum.
 */
public record SourceMigration(
    MigrationId id,
    MigrationResource up,
    String upScript,
    String checksum,
    @Nullable MigrationResource down) {}
