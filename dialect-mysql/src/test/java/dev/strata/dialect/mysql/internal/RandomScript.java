package dev.strata.dialect.mysql.internal;

import dev.strata.api.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random MySQL script whose statements are known, for property-style parser tests: statements
 * built from tricky tokens (quotes with escapes, backtick names, comments holding delimiters,
 * executable comments, {@code 1--1}), separated by delimiters, whitespace and comments, with {@code
 * DELIMITER} switches between them. The script is {@code gaps[0] + sql[0] + gaps[1] + sql[1] + ...
 * + gaps[n]}.
 */
final class RandomScript {
  private static final String[] WORDS = {
    "SELECT", "x", "t1", "42", "(a, b)", "=", "+", "CONCAT(x, y)", "BEGIN", "END", "1--1", "\\N",
  };
  private static final String[] TOKENS = {
    "'a;b'",
    "'it''s'",
    "'esc\\'aped; $$'",
    "\"dq;\\\"x\"",
    "'multi\nline; //'",
    "'\\\\'",
    "_utf8' '",
    "`we``ird;`",
    "`?`",
    "`a\\`",
    "/* c; $$ // */",
    "-- c; x $$\n",
    "#h; //\n",
    "/*!50000 z */",
    "--\n",
    "/* two\nlines; */",
  };
  private static final String[] GAPS = {
    "", " ", "\n", "\n\n", "  -- note; x\n", "# h; $$ //\n", "/* b;\n c */", "\r\n", "\t\n  ",
  };
  private static final String[] DELIMITERS = {";", "$$", "//", ";;"};

  final String script;
  final List<SqlStatement> statements;
  final List<String> gaps;

  private RandomScript(String script, List<SqlStatement> statements, List<String> gaps) {
    this.script = script;
    this.statements = statements;
    this.gaps = gaps;
  }

  static RandomScript generate(Random random, int statementCount) {
    StringBuilder script = new StringBuilder();
    List<SqlStatement> statements = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    String delimiter = ";";
    StringBuilder gap = new StringBuilder(pick(random, GAPS));
    for (int i = 0; i < statementCount; i++) {
      if (random.nextInt(8) == 0) {
        delimiter = pick(random, DELIMITERS);
        gap.append('\n')
            .append(random.nextBoolean() ? "DELIMITER" : "delimiter")
            .append(' ')
            .append(delimiter)
            .append(random.nextBoolean() ? "" : "  -- the rest of the line is ignored")
            .append('\n')
            .append(pick(random, GAPS));
      }
      gaps.add(gap.toString());
      script.append(gap);
      String sql = body(random, delimiter);
      statements.add(SqlStatement.of(sql, lineAt(script)));
      script.append(sql);
      boolean last = i == statementCount - 1;
      if (last && random.nextBoolean()) {
        // Without a delimiter, a comment after the last statement would belong to it.
        gap = new StringBuilder(random.nextBoolean() ? "" : " \n\t\n");
      } else {
        gap = new StringBuilder(delimiter).append(pick(random, GAPS));
      }
    }
    gaps.add(gap.toString());
    script.append(gap);
    return new RandomScript(script.toString(), statements, gaps);
  }

  /** The script with {@code sqls} in place of the generated statements. */
  String rejoin(List<String> sqls) {
    StringBuilder sb = new StringBuilder(gaps.get(0));
    for (int i = 0; i < sqls.size(); i++) {
      sb.append(sqls.get(i)).append(gaps.get(i + 1));
    }
    return sb.toString();
  }

  private static String body(Random random, String delimiter) {
    StringBuilder sb = new StringBuilder(pick(random, WORDS));
    int tokens = random.nextInt(7);
    for (int t = 0; t < tokens; t++) {
      sb.append(random.nextInt(4) == 0 ? "\n" : " ");
      if (!delimiter.equals(";") && random.nextInt(5) == 0) {
        sb.append(';'); // the body of a compound statement
      } else {
        sb.append(random.nextBoolean() ? pick(random, WORDS) : pick(random, TOKENS));
      }
    }
    return sb.append(' ').append(pick(random, WORDS)).toString();
  }

  /**
   * The 1-based line at the end of {@code text}, counting {@code \n}, {@code \r\n} and {@code \r}.
   */
  static int lineAt(CharSequence text) {
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
