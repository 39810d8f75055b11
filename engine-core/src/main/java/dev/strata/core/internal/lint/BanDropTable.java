package dev.strata.core.internal.lint;

import dev.strata.api.LintSeverity;
import dev.strata.api.MigrationPhase;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import java.util.List;

/** Dropping a table the running code may still use. */
final class BanDropTable implements LintRule {
  @Override
  public String id() {
    return "ban-drop-table";
  }

  @Override
  public LintSeverity severity() {
    return LintSeverity.WARNING;
  }

  @Override
  public List<String> check(LintContext s) {
    if (!s.tokens().startsWith("DROP", "TABLE") || s.phase() == MigrationPhase.CONTRACT) {
      return List.of();
    }
    String table = s.tokens().tableAt(2);
    if (s.isNew(table)) {
      return List.of();
    }
    return List.of(
        "dropping table "
            + table
            + " breaks the code still running that uses it; drop it in a"
            + " contract migration (-- strata:phase=contract) once no deployed code reads it");
  }
}
