package dev.strata.core.internal.plan;

import dev.strata.api.MigrationInfo;
import dev.strata.api.ValidationProblem;
import java.util.List;

/**
 * Sources compared with history: one status row per migration, what {@code migrate} would apply (in
 * order), and the differences that make it refuse.
 */
public record Reconciliation(
    List<MigrationInfo> status,
    List<SourceMigration> pending,
    List<ValidationProblem> problems,
    List<SourceMigration> appliedNewestFirst) {}
