package dev.strata.api;

/**
 * A migration that {@code migrate} applied or {@code down} reverted.
 *
 * @param id the migration
 * @param direction applied ({@link Direction#UP}) or reverted ({@link Direction#DOWN})
 * @param statements how many statements ran
 * @param durationMs how long it took
 */
public record ExecutedMigration(
    MigrationId id, Direction direction, int statements, long durationMs) {}
