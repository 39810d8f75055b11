package dev.strata.tck;

import dev.strata.api.SqlStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A script and what a dialect's parser must make of it: exactly these statements, or a {@link
 * dev.strata.api.ScriptParseException} at this line. A dialect adds its own tricky cases with
 * {@link DialectTckProvider#parserCases()}; the suite has its own shared ones.
 *
 * <p>Statements are compared whole ({@link SqlStatement#equals}): text, line, the {@code
 * noTransaction} flag and inline data. A statement's text is the script's text from its first token
 * to its last, without the delimiter; comments before it are not part of it, comments inside it
 * are; its line is the 1-based line of its first token.
 *
 * <pre>{@code
 * ParserCase.splits("dollar quotes hide semicolons",
 *     "DO $$ BEGIN PERFORM 1; END $$;\nSELECT 1;",
 *     SqlStatement.of("DO $$ BEGIN PERFORM 1; END $$", 1),
 *     SqlStatement.of("SELECT 1", 2));
 * ParserCase.rejects("unterminated dollar quote", "SELECT 1;\nSELECT $$oops", 2);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name what the case shows, used as the test's name
 * @param script the script
 * @param statements the statements expected, in order; empty when an error is expected
 * @param errorLine the line a {@link dev.strata.api.ScriptParseException} must name, or {@code
 *     null} when the script must parse
 */
public record ParserCase(
    String name, String script, List<SqlStatement> statements, @Nullable Integer errorLine) {
  public ParserCase {
    Objects.requireNonNull(name);
    Objects.requireNonNull(script);
    statements = List.copyOf(statements);
    if (errorLine != null && errorLine < 1) {
      throw new IllegalArgumentException("errorLine must be at least 1, was " + errorLine);
    }
    if (errorLine != null && !statements.isEmpty()) {
      throw new IllegalArgumentException(
          "a case expects either statements or an error, not both: " + name);
    }
  }

  /** A script that must split into exactly {@code statements} (none for an empty script). */
  public static ParserCase splits(String name, String script, SqlStatement... statements) {
    return new ParserCase(name, script, Arrays.asList(statements), null);
  }

  /** A script that must be refused with a parse error naming {@code line}. */
  public static ParserCase rejects(String name, String script, int line) {
    return new ParserCase(name, script, List.of(), line);
  }

  /** Whether the script must be refused. */
  public boolean expectsError() {
    return errorLine != null;
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }
}
