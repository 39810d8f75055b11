package dev.strata.dialect.postgres.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code ADD COLUMN} whose default is computed per row: a volatile function ({@code random()},
 * {@code gen_random_uuid()}, {@code clock_timestamp()}, {@code nextval(...)}, ...), a {@code
 * serial} type or an identity column. PostgreSQL then writes the value into every existing row,
 * rewriting the table under an {@code ACCESS EXCLUSIVE} lock. A constant or stable default ({@code
 * now()}, {@code current_timestamp}) is stored once in the catalogue since PostgreSQL 11: fine.
 */
final class AddingFieldWithVolatileDefault implements LintRule {
  /** Volatile functions seen in column defaults ({@code pg_proc.provolatile = 'v'}). */
  private static final Set<String> VOLATILE =
      Set.of(
          "RANDOM",
          "GEN_RANDOM_UUID",
          "UUID_GENERATE_V1",
          "UUID_GENERATE_V1MC",
          "UUID_GENERATE_V4",
          "UUIDV4",
          "UUIDV7",
          "CLOCK_TIMESTAMP",
          "TIMEOFDAY",
          "NEXTVAL",
          "GEN_RANDOM_BYTES");

  @Override
  public String id() {
    return "adding-field-with-volatile-default";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    String table = AlterTableClause.table(s.tokens());
    if (table == null || s.isNew(table)) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    for (AlterTableClause clause : AlterTableClause.of(s.tokens())) {
      int column = clause.addedColumn();
      if (column < 0) {
        continue;
      }
      String what = perRowValue(clause, column);
      if (what != null) {
        messages.add(
            "adding column "
                + table
                + "."
                + clause.name(column)
                + " with "
                + what
                + " fills"
                + " every existing row, rewriting the table while reads and writes wait; add the"
                + " column without a default (or with a constant one), SET DEFAULT in a later"
                + " statement (it applies to new rows only), and backfill the existing rows in"
                + " batches");
      }
    }
    return messages;
  }

  /** What computes a value for each existing row, for the message, or {@code null}. */
  private static @Nullable String perRowValue(AlterTableClause clause, int column) {
    if (clause.isSerialType(column + 1)) {
      return "the type " + clause.name(column + 1) + " (a nextval() default)";
    }
    if (clause.find(column, "GENERATED") >= 0 && clause.find(column, "IDENTITY") >= 0) {
      return "an identity (a nextval() default)";
    }
    int def = clause.find(column, "DEFAULT");
    if (def < 0) {
      return null;
    }
    for (int k = def + 1; !clause.get(k).isEmpty(); k++) {
      if (VOLATILE.contains(clause.get(k)) && clause.get(k + 1).equals("(")) {
        return "the volatile default " + clause.name(k) + "()";
      }
    }
    return null;
  }
}
