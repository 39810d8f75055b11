package dev.strata.reliability;

import dev.strata.api.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random SQL scripts built from fragments, with a fixed seed per case so that every failure is
 * reproducible from the seed the test prints. Two kinds:
 *
 * <ul>
 *   <li>{@link #soup}: any fragments in any order (quotes, dollar quotes, comments, {@code
 *       DELIMITER} lines, backslashes, semicolons, unicode, lone surrogates, NUL), mostly invalid;
 *       only the parsers' general promises can be checked on them;
 *   <li>{@link #wellFormed}: statements built from fragments that are complete in the parser's
 *       dialect, separated by its delimiter with whitespace and comments between them, together
 *       with the statements (text and line) the parser must return.
 * </ul>
 */
final class ScriptGenerator {
  private static final String[] SOUP = {
    "SELECT",
    "INSERT INTO t VALUES (1)",
    "x",
    "1",
    "1.5",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\f",
    "\u000B",
    ";",
    ";;",
    ",",
    "(",
    ")",
    "'",
    "''",
    "'a;b'",
    "'it''s'",
    "\"",
    "\"q;id\"",
    "--",
    "-- c;\n",
    "-- ",
    "--1",
    "/*",
    "*/",
    "/* c; */",
    "/* /* n */ */",
    "\\",
    "\\\\",
    "\\'",
    "\\N",
    "\\.",
    "\\g",
    "\\-",
    "é",
    "日本",
    "😀",
    "\uD83D",
    "\uDE00",
    "\u2028",
    "\u00A0",
    "\uFEFF",
    "\0",
    "$",
    "$$",
    "$1",
    "$tag$",
    "$a$",
    "a$b$",
    "#",
    "`",
    "``",
    "/*!",
    "/*!50001 ",
    "/*M!",
    "DELIMITER ",
    "DELIMITER $$\n",
    "DELIMITER ;\n",
    "DELIMITER //\n",
    "\nDELIMITER ;;\n",
    "\ndelimiter\n",
    "//",
    "USE db\n",
    "\nuse x\n",
    "\nsource f.sql\n",
    "\ngo\n",
    "?",
    "BEGIN",
    "END",
    "CASE",
    "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC ",
    "CREATE PROCEDURE p() ",
    "COPY t FROM stdin;\n",
    "\n\\.\n",
    "E'",
    "E'\\''",
    "U&'",
    "U&\"",
    "B'",
    "N'",
    "X'",
    "${x}",
  };

  private ScriptGenerator() {}

  /**
   * Up to {@code maxFragments} fragments in any order: each one of the hostile fragments with
   * probability {@code hostility}, else a fragment complete in some dialect (a closed string or
   * comment, whitespace, a delimiter), so that more of the scripts parse.
   */
  static String soup(Random random, int maxFragments, double hostility) {
    StringBuilder script = new StringBuilder();
    int n = random.nextInt(maxFragments + 1);
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < hostility) {
        script.append(SOUP[random.nextInt(SOUP.length)]);
      } else {
        Parser dialect = Parser.values()[random.nextInt(Parser.values().length)];
        String[] pool = random.nextBoolean() ? fragments(dialect) : between(dialect);
        script.append(random.nextInt(4) == 0 ? ";" : pick(random, pool));
      }
    }
    return script.toString();
  }

  /** A script and the statements its parser must split it into. */
  record Built(String script, List<SqlStatement> expected) {}

  /** Up to 8 statements in {@code parser}'s dialect; see the class comment. */
  static Built wellFormed(Random random, Parser parser) {
    StringBuilder script = new StringBuilder();
    List<SqlStatement> expected = new ArrayList<>();
    String delimiter = ";";
    if (random.nextInt(4) == 0) {
      script.append(pick(random, between(parser)));
    }
    int statements = random.nextInt(9);
    for (int s = 0; s < statements; s++) {
      if (parser.isMySql() && random.nextInt(4) == 0) {
        delimiter = pick(random, ";", "$$", "//", ";;", "|", "@@");
        script.append("\nDELIMITER ").append(delimiter).append('\n');
      }
      String body = statement(random, parser, s, delimiter);
      String trailer = pick(random, "", "", " ", "\n", " /* t; */", " -- t;\n");
      if (parser == Parser.H2 && random.nextBoolean()) {
        trailer = pick(random, trailer, " // t;\n");
      } else if (parser.isMySql() && random.nextBoolean()) {
        trailer = pick(random, trailer, " # t;\n");
      }
      int line = lineAt(script, script.length());
      script.append(body).append(trailer);
      String text = parser == Parser.POSTGRES ? body : (body + trailer).strip();
      expected.add(SqlStatement.of(text, line));
      boolean last = s == statements - 1;
      if (!last || random.nextBoolean()) {
        script.append(delimiter);
        for (int extra = random.nextInt(3); extra > 0; extra--) {
          script.append(pick(random, between(parser)));
          if (random.nextInt(3) == 0) {
            script.append(delimiter); // an empty statement, which yields nothing
          }
        }
      } else if (trailer.endsWith("\n") || trailer.isEmpty()) {
        script.append(pick(random, "", "\n", "\r\n"));
      }
    }
    return new Built(script.toString(), List.copyOf(expected));
  }

  /** One statement: a keyword, a sentinel naming it, then fragments complete in the dialect. */
  private static String statement(Random random, Parser parser, int index, String delimiter) {
    String sentinel = "s" + index + "_" + Integer.toString(random.nextInt(1 << 20), 36);
    if (parser == Parser.POSTGRES && random.nextInt(6) == 0) {
      return "CREATE FUNCTION "
          + sentinel
          + "() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1;"
          + pick(random, " ", "\n")
          + "SELECT CASE WHEN true THEN 2 END; END";
    }
    if (parser.isMySql()
        && !delimiter.equals(";")
        && !delimiter.equals(";;")
        && random.nextInt(4) == 0) {
      return "CREATE PROCEDURE " + sentinel + "()\nBEGIN\n  SELECT 1;\n  SELECT 'x;y';\nEND";
    }
    StringBuilder body =
        new StringBuilder(
            pick(random, "SELECT", "INSERT INTO", "UPDATE", "CREATE TABLE", "DELETE FROM"));
    body.append(' ').append(sentinel);
    int fragments = random.nextInt(8);
    for (int i = 0; i < fragments; i++) {
      String fragment = pick(random, fragments(parser));
      if (fragment.endsWith("\n")) {
        // A line comment: the statement goes on on the next line.
        body.append(pick(random, " ", "\t")).append(fragment).append(pick(random, "x", "1"));
      } else {
        body.append(pick(random, " ", " ", "\n", "\r\n", "\r", "\t")).append(fragment);
      }
    }
    if (body.toString().endsWith("*/")) {
      // A statement's text ends with its last token (PostgreSQL drops a comment after it).
      body.append(" x");
    }
    return body.toString();
  }

  private static String[] fragments(Parser parser) {
    return switch (parser) {
      case POSTGRES ->
          new String[] {
            "col_1",
            "ünïcode",
            "42",
            "3.14",
            "=",
            "+",
            ",",
            "(1)",
            "(a; b)",
            "'a;b'",
            "'it''s; ok'",
            "'line\nbreak;'",
            "E'x\\'; y'",
            "$$ a; b $$",
            "$fn$ x; $$ y $fn$",
            "\"Quoted;Id\"",
            "\"q\"\"d\"",
            "U&'d\\0061t;a'",
            "/* c; /* nested; */ */",
            "-- c; x\n",
            "$1",
            "a$b",
            "'日本;語'",
            "'😀;'",
            "/* 😀; */",
          };
      case MYSQL, MARIADB ->
          new String[] {
            "col_1",
            "ünïcode",
            "42",
            "3.14",
            "=",
            "+",
            ",",
            "(1)",
            "'a;b'",
            "'it''s;'",
            "'it\\'s;'",
            "'line\nbreak;'",
            "\"dq;\\\"x\"",
            "`bt;``x`",
            "/* c; */",
            "# c; x\n",
            "-- c; x\n",
            "/*!50001 col_2 */",
            "\\N",
            "'日本;語'",
            "'😀;'",
            "/* 😀; */",
          };
      case H2 ->
          new String[] {
            "col_1",
            "ünïcode",
            "42",
            "3.14",
            "=",
            "+",
            ",",
            "(1)",
            "'a;b'",
            "'it''s;'",
            "'line\nbreak;'",
            "\"Q;id\"",
            "$$ a; b $$",
            "/* c; /* n; */ */",
            "-- c; x\n",
            "// c; x\n",
            "'日本;語'",
            "'😀;'",
            "/* 😀; */",
          };
    };
  }

  /** What may stand between statements: whitespace and comments. */
  private static String[] between(Parser parser) {
    return switch (parser) {
      case POSTGRES ->
          new String[] {
            " ", "\n", "\r\n", "\r", "\t", "\n\n", "-- c; x\n", "/* c; /* n */ */", "\n-- 😀;\n"
          };
      case MYSQL, MARIADB ->
          new String[] {
            " ", "\n", "\r\n", "\r", "\t", "\n\n", "-- c; x\n", "# c; x\n", "/* c; */", "\n-- 😀;\n"
          };
      case H2 ->
          new String[] {
            " ",
            "\n",
            "\r\n",
            "\r",
            "\t",
            "\n\n",
            "-- c; x\n",
            "// c; x\n",
            "/* c; /* n */ */",
            "\n-- 😀;\n"
          };
    };
  }

  /**
   * The 1-based line of offset {@code offset}: line breaks are {@code \n}, {@code \r\n}, {@code
   * \r}.
   */
  static int lineAt(CharSequence text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
