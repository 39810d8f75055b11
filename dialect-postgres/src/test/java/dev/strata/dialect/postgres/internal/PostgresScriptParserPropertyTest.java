package dev.strata.dialect.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Splits generated scripts: random statements of words, numbers, operators, strings of every kind,
 * quoted names, dollar quotes and parenthesised groups holding {@code ;}, with comments between
 * their tokens, joined with random gaps (comments, blank lines, empty statements). Each statement
 * must come back exactly as generated (first token to last), with the line it starts on.
 */
class PostgresScriptParserPropertyTest {
  private static final long SEED = 20_240_611L;
  private static final int SCRIPTS = 3000;

  private static final String[] WORDS = {
    "select", "x", "y", "t1", "from", "where", "and", "insert", "into", "values", "foo_bar", "a$b",
    "Über", "_tmp", "e1", "u"
  };
  private static final String[] NUMBERS = {"42", "3.14", "1e5", "0"};
  private static final String[] OPERATORS = {"+", "::", "<>", "||", "=", "*", "$1", ",", ".", "-"};
  private static final String[] INNER_SEPARATORS = {
    " ",
    "\n",
    " \t ",
    " /* c; ' \" $$ */ ",
    " -- c; ' $$ /*\n",
    " /* a /* nested; */ b */ ",
    "\r\n "
  };
  private static final String[] TRAILERS = {"", "", " -- t; 'x\n", " /* t; */", "\n\n"};
  private static final String[] GAPS = {
    "", " ", "\n", "\n\n", "-- gap; ' $$\n", "/* gap; */", ";", " ; ", "\r\n", "\n/* a\n b */\n"
  };
  private static final String[] STRING_UNITS = {
    "a", ";", " ", "\"", "$$", "--", "/*", "\\", "\n", "''"
  };
  private static final String[] ESCAPE_UNITS = {
    "a", ";", " ", "\\'", "\\\\", "''", "\n", "\\n", "$$", "--"
  };
  private static final String[] NAME_UNITS = {"a", ";", " ", "\"\"", "'", "$$", "--", "/*", "\n"};
  private static final String[] DOLLAR_UNITS = {
    "a", ";", "'", "\"", "--", "/*", "$", "$$", "\n", "$b$", " "
  };
  private static final String[] TAGS = {"", "a", "body", "_x1", "é"};

  private final Random random = new Random(SEED);

  @Test
  void rejoiningTheStatementsOfRandomScriptsGivesBackTheirTokensAndLines() {
    for (int i = 0; i < SCRIPTS; i++) {
      Script script = script();
      assertThat(PostgresScriptParser.parse(script.text.toString(), 15))
          .as("script %d:%n%s", i, script.text)
          .containsExactlyElementsOf(script.expected);
    }
  }

  /** A script being written, with the statements the parser should find in it. */
  private static final class Script {
    final StringBuilder text = new StringBuilder();
    final List<SqlStatement> expected = new ArrayList<>();
    int line = 1;

    void append(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
          line++;
        }
      }
      text.append(s);
    }
  }

  private Script script() {
    Script script = new Script();
    script.append(pick(GAPS));
    int count = 1 + random.nextInt(8);
    for (int i = 0; i < count; i++) {
      String statement = statement(0);
      script.expected.add(SqlStatement.of(statement, script.line));
      script.append(statement);
      script.append(pick(TRAILERS));
      boolean last = i == count - 1;
      if (!last || random.nextBoolean()) {
        script.append(";");
        script.append(pick(GAPS));
      }
    }
    return script;
  }

  private String statement(int depth) {
    StringBuilder sb = new StringBuilder(token(depth));
    int more = random.nextInt(8);
    for (int i = 0; i < more; i++) {
      sb.append(pick(INNER_SEPARATORS)).append(token(depth));
    }
    return sb.toString();
  }

  private String token(int depth) {
    switch (random.nextInt(10)) {
      case 0:
      case 1:
      case 2:
        return pick(WORDS);
      case 3:
        return pick(NUMBERS);
      case 4:
        return "'" + units(STRING_UNITS) + "'";
      case 5:
        return (random.nextBoolean() ? "E'" : "e'") + units(ESCAPE_UNITS) + "'";
      case 6:
        return (random.nextBoolean() ? "\"" : "U&\"") + units(NAME_UNITS) + "\"";
      case 7:
        return dollarQuoted();
      case 8:
        return depth < 2 ? "(" + statement(depth + 1) + " ; " + statement(depth + 1) + ")" : "()";
      default:
        return pick(OPERATORS);
    }
  }

  private String dollarQuoted() {
    String delimiter = "$" + pick(TAGS) + "$";
    while (true) {
      String body = units(DOLLAR_UNITS);
      if ((body + delimiter).indexOf(delimiter) == body.length()) {
        return delimiter + body + delimiter;
      }
    }
  }

  private String units(String[] units) {
    StringBuilder sb = new StringBuilder();
    int count = random.nextInt(6);
    for (int i = 0; i < count; i++) {
      sb.append(pick(units));
    }
    return sb.toString();
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
