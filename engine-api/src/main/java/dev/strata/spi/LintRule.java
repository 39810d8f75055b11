package dev.strata.spi;

import dev.strata.api.LintSeverity;
import java.util.List;

/**
 * One lint rule: recognises a dangerous statement and says why and what to do instead. Rules that
 * apply to every database live in the engine; a dialect adds its own through {@link
 * Dialect#lintRules()}.
 */
public interface LintRule {
  /** A kebab-case id in the style squawk users know, e.g. {@code ban-drop-column}. */
  String id();

  LintSeverity severity();

  /** Messages for {@code statement} (why it is dangerous, and the safer way); empty when fine. */
  List<String> check(LintContext statement);
}
