package dev.strata.core.internal.execute;

import dev.strata.api.JavaMigration;
import dev.strata.api.PlannedMigration;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A planned migration with what runs it: its statements, or Java code.
 *
 * @param code the Java migration to call, {@code null} for a script
 * @param ddlLockTimeout how long the script's statements may wait for a table lock ({@code --
 *     strata:ddl-lock-timeout}), or {@code null}
 * @param statementTimeout the script's own statement timeout, or {@code null}
 */
public record Step(
    PlannedMigration planned,
    @Nullable JavaMigration code,
    @Nullable Duration ddlLockTimeout,
    @Nullable Duration statementTimeout) {}
