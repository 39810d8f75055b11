package dev.strata.spi;

import dev.strata.api.SqlStatement;
import java.util.List;

/**
 * Splits a script into statements by the rules of its source format instead of the dialect's
 * parser, for formats that mark statement boundaries themselves (drizzle-kit's {@code -->
 * statement-breakpoint}).
 */
@FunctionalInterface
public interface ScriptSplitter {
  /**
   * The statements of {@code script}, in order, with their 1-based start lines.
   *
   * @throws dev.strata.api.ScriptParseException when the script breaks the format's rules
   */
  List<SqlStatement> split(String script);
}
