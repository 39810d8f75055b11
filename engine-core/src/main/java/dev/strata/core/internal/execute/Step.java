package dev.strata.core.internal.execute;

import dev.strata.api.JavaMigration;
import dev.strata.api.PlannedMigration;
import org.jspecify.annotations.Nullable;

/**
 * A planned migration with what runs it: its statements, or Java code.
 *
 * @param code the Java migration to call, {@code null} for a script
 */
public record Step(PlannedMigration planned, @Nullable JavaMigration code) {}
