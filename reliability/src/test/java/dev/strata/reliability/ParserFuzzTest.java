package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fuzzes the PostgreSQL, MySQL/MariaDB and H2 script parsers with {@link Sizes#fuzzCases()} random
 * scripts each, from fixed seeds (a failure names its seed and input).
 *
 * <p>What every parser promises, for any input: it returns (no input makes it loop; each case has a
 * time limit) or throws {@link ScriptParseException} naming a line of the input, nothing else; and
 * when it returns, each statement's text is a substring of the input, the statements appear in the
 * input in order without overlapping, each is non-empty and trimmed (PostgreSQL: starts and ends
 * with a token), and each statement's line is the line of the input on which its text starts. For
 * well-formed scripts, the parser returns exactly the statements the script was built from: no text
 * lost, none duplicated.
 */
class ParserFuzzTest {
  private static final Duration PER_CASE = Duration.ofSeconds(5);
  private static final ExecutorService WORKER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "parser-fuzz");
            t.setDaemon(true); // a parser stuck in a loop must not keep the JVM alive
            return t;
          });

  @AfterAll
  static void stopWorker() {
    WORKER.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(Parser.class)
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void randomScriptsEndInStatementsThatAreOrderedSubstringsOfTheInputOrInAScriptParseException(
      Parser parser) throws Exception {
    int parsed = 0;
    int statements = 0;
    for (int i = 0; i < Sizes.fuzzCases(); i++) {
      long seed = 0x5EED_0000L + i;
      // Half the cases from hostile fragments only, half mostly from complete ones.
      String script = ScriptGenerator.soup(new Random(seed), 60, i % 2 == 0 ? 1.0 : 0.05);
      Outcome outcome = parse(parser, script, seed);
      if (outcome.statements() != null) {
        parsed++;
        statements += outcome.statements().size();
        assertOrderedSubstrings(parser, script, outcome.statements(), seed);
      }
    }
    System.out.printf(
        "[reliability] %s parser: %d random scripts: %d parsed (%d statements), %d refused with"
            + " ScriptParseException%n",
        parser, Sizes.fuzzCases(), parsed, statements, Sizes.fuzzCases() - parsed);
  }

  @ParameterizedTest
  @EnumSource(Parser.class)
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void wellFormedScriptsSplitIntoExactlyTheStatementsTheyWereBuiltFrom(Parser parser)
      throws Exception {
    for (int i = 0; i < Sizes.fuzzCases(); i++) {
      long seed = 0xC0DE_0000L + i;
      ScriptGenerator.Built built = ScriptGenerator.wellFormed(new Random(seed), parser);
      Outcome outcome = parse(parser, built.script(), seed);
      if (outcome.statements() == null) {
        throw new AssertionError(
            parser
                + " refused a well-formed script (seed "
                + seed
                + "): "
                + outcome.error()
                + "\n"
                + shown(built.script()));
      }
      List<String> texts = outcome.statements().stream().map(SqlStatement::sql).toList();
      List<Integer> lines = outcome.statements().stream().map(SqlStatement::line).toList();
      assertThat(texts)
          .as("%s statements of seed %d in %s", parser, seed, shown(built.script()))
          .containsExactlyElementsOf(built.expected().stream().map(SqlStatement::sql).toList());
      assertThat(lines)
          .as("%s lines of seed %d in %s", parser, seed, shown(built.script()))
          .containsExactlyElementsOf(built.expected().stream().map(SqlStatement::line).toList());
      assertOrderedSubstrings(parser, built.script(), outcome.statements(), seed);
    }
  }

  @ParameterizedTest
  @EnumSource(Parser.class)
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void largeRepetitiveInputsParseInTimeLinearInTheirSize(Parser parser) throws Exception {
    String[] units = {
      "'';",
      "/* c */;",
      "$a$ x $a$;",
      "-- c\n",
      "\"\";",
      "x;\n",
      "(((",
      "'a''b'",
      "--",
      "/*/**/*/;",
      "\nDELIMITER ;\n",
      "\n",
      "$$ ; $$;",
      "`x`;",
      "# c\n",
      "E'\\'';",
      "/*!1 x */;",
    };
    for (String unit : units) {
      String small = unit.repeat(20_000);
      String large = unit.repeat(200_000);
      long smallNanos = timed(parser, small);
      long largeNanos = timed(parser, large);
      // Ten times the input within 40 times the time (and a floor for timer noise): linear with
      // slack, where a quadratic parser would take a hundred times as long.
      assertThat(largeNanos)
          .as(
              "%s on %s x 200,000 (%d ms) vs x 20,000 (%d ms)",
              parser, shown(unit), largeNanos / 1_000_000, smallNanos / 1_000_000)
          .isLessThan(Math.max(40 * smallNanos, TimeUnit.MILLISECONDS.toNanos(500)));
    }
  }

  private long timed(Parser parser, String script) throws Exception {
    long start = System.nanoTime();
    parse(parser, script, -1);
    long first = System.nanoTime() - start;
    start = System.nanoTime();
    parse(parser, script, -1);
    return Math.min(first, System.nanoTime() - start);
  }

  /** The statements, or the ScriptParseException; any other outcome fails the test. */
  private record Outcome(List<SqlStatement> statements, ScriptParseException error) {}

  private static Outcome parse(Parser parser, String script, long seed) throws Exception {
    Future<List<SqlStatement>> result = WORKER.submit(() -> parser.parse(script));
    try {
      return new Outcome(result.get(PER_CASE.toMillis(), TimeUnit.MILLISECONDS), null);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new AssertionError(
          parser + " did not finish within " + PER_CASE + " (seed " + seed + "): " + shown(script));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ScriptParseException refused) {
        int lines = ScriptGenerator.lineAt(script, script.length());
        if (refused.line() < 1 || refused.line() > lines) {
          throw new AssertionError(
              parser
                  + " named line "
                  + refused.line()
                  + " of a "
                  + lines
                  + "-line script (seed "
                  + seed
                  + "): "
                  + refused.getMessage()
                  + "\n"
                  + shown(script));
        }
        return new Outcome(null, refused);
      }
      throw new AssertionError(
          parser
              + " threw "
              + e.getCause()
              + " instead of ScriptParseException (seed "
              + seed
              + "): "
              + shown(script),
          e.getCause());
    }
  }

  /**
   * Finds each statement's text in the script, after the previous one's end, at an offset on the
   * statement's line: the earliest such offset, which leaves the most room for those after it, so
   * the search fails only when no ordered, non-overlapping placement exists.
   */
  private static void assertOrderedSubstrings(
      Parser parser, String script, List<SqlStatement> statements, long seed) {
    int from = 0;
    int previousLine = 1;
    for (int i = 0; i < statements.size(); i++) {
      SqlStatement s = statements.get(i);
      String sql = s.sql();
      String where =
          parser
              + " statement "
              + (i + 1)
              + " of seed "
              + seed
              + " "
              + shown(sql)
              + " (line "
              + s.line()
              + ") in "
              + shown(script);
      assertThat(sql).as("empty: " + where).isNotEmpty();
      if (parser == Parser.POSTGRES) {
        assertThat(isPsqlSpace(sql.charAt(0)) || isPsqlSpace(sql.charAt(sql.length() - 1)))
            .as("not trimmed: " + where)
            .isFalse();
      } else {
        assertThat(sql).as("not trimmed: " + where).isEqualTo(sql.strip());
      }
      assertThat(s.line())
          .as("line before the previous statement's: " + where)
          .isGreaterThanOrEqualTo(previousLine);
      previousLine = s.line();
      int at = script.indexOf(sql, from);
      while (at >= 0 && ScriptGenerator.lineAt(script, at) != s.line()) {
        at = script.indexOf(sql, at + 1);
      }
      if (at < 0) {
        throw new AssertionError(
            "not a substring of the input after the previous statement and on its line: " + where);
      }
      from = at + sql.length();
    }
  }

  private static boolean isPsqlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /**
   * {@code text} in Java string syntax, control and non-ASCII characters escaped; long ones cut.
   */
  static String shown(String text) {
    StringBuilder out = new StringBuilder("\"");
    String cut = text.length() > 2000 ? text.substring(0, 2000) : text;
    for (char c : cut.toCharArray()) {
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c > 0x7E) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(text.length() > cut.length() ? "\"…" : "\"").toString();
  }
}
