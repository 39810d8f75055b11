package dev.strata.core.internal.execute;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The configured limits of a migration's statements, which a script's directives override.
 *
 * @param ddlLockTimeout how long a statement may wait for a table lock; {@code null} for the
 *     dialect's default
 * @param statementTimeout how long a statement may run; {@code null} for the server's
 */
public record StatementLimits(
    @Nullable Duration ddlLockTimeout, @Nullable Duration statementTimeout) {}
