package dev.strata.dialect.postgres.internal.lint;

import dev.strata.spi.LintRule;
import java.util.List;

/**
 * PostgreSQL's lint rules, in addition to the engine's rules for every database: statements that
 * lock a busy table for long (index builds, table rewrites and scans) or break the code still
 * running. Each rule looks at one statement and skips tables created earlier in the same run.
 *
 * <p>A missing {@code lock_timeout} is not flagged: Strata sets one on every migration session
 * ({@code PostgresDialect.DEFAULT_LOCK_TIMEOUT}).
 */
public final class PostgresLintRules {
  private static final List<LintRule> ALL =
      List.of(
          new RequireConcurrentIndexCreation(),
          new RequireConcurrentIndexDeletion(),
          new AddingFieldWithVolatileDefault(),
          new SettingNotNullableField(),
          new ConstraintMissingNotValid(),
          new DisallowedUniqueConstraint(),
          new AddingSerialPrimaryKeyField(),
          new AddingRequiredField(),
          new BanCharField());

  private PostgresLintRules() {}

  /** The rules; stateless, so one list serves every thread. */
  public static List<LintRule> all() {
    return ALL;
  }
}
