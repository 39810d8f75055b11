package dev.strata.source.tools.internal.goose;

import java.util.Map;

/**
 * goose's {@code -- +goose ENVSUB ON} substitution: the grammar of {@code mfridman/interpolate}
 * (the fork of {@code buildkite/interpolate} that goose's {@code internal/sqlparser} calls),
 * applied to one line at a time as goose applies it.
 *
 * <ul>
 *   <li>{@code $NAME} and {@code ${NAME}}: the variable's value, empty when unset; a name starts
 *       with a letter and goes on with letters, digits and {@code _};
 *   <li>{@code ${NAME:-word}}: {@code word} (itself expanded) when unset or empty; {@code
 *       ${NAME-word}} when unset; {@code ${NAME:offset}} and {@code ${NAME:offset:length}}
 *       substrings; {@code ${NAME?message}}: an error when unset;
 *   <li>{@code $$} and {@code \$} are a literal {@code $}, {@code \\} stays {@code \\}, {@code $(}
 *       stays as written, and a {@code $} at the end of the line stays;
 *   <li>any other {@code $} (such as {@code $1}) is an error.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class Envsubst {
  /** A substitution goose refuses; the message is interpolate's own. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private final Map<String, String> env;

  Envsubst(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  String expand(String line) throws Failure {
    return new Parser(line).expression("");
  }

  private final class Parser {
    private final String input;
    private int pos;

    Parser(String input) {
      this.input = input;
    }

    /** {@code Expression}: text and expansions up to the end or one of {@code stop}. */
    String expression(String stop) throws Failure {
      StringBuilder out = new StringBuilder();
      while (pos < input.length()) {
        int c = input.codePointAt(pos);
        if (stop.indexOf(c) >= 0) {
          break;
        }
        if (input.startsWith("\\\\", pos)) {
          pos += 2;
          out.append("\\\\");
        } else if (input.startsWith("\\$", pos) || input.startsWith("$$", pos)) {
          pos += 2;
          out.append('$');
        } else if (input.startsWith("$(", pos)) {
          pos += 2;
          out.append("$(");
        } else if (c == '$' && pos < input.length() - 1) {
          out.append(expansion());
        } else {
          pos += Character.charCount(c);
          out.appendCodePoint(c);
          while (pos < input.length()) {
            int r = input.codePointAt(pos);
            if (r == '$' || r == '\\' || stop.indexOf(r) >= 0) {
              break;
            }
            out.appendCodePoint(r);
            pos += Character.charCount(r);
          }
        }
      }
      return out.toString();
    }

    private String expansion() throws Failure {
      pos++; // the '$'
      if (peek() == '{') {
        return brace();
      }
      return value(identifier());
    }

    private String brace() throws Failure {
      pos++; // the '{'
      String name = identifier();
      if (peek() == '}') {
        pos++;
        return value(name);
      }
      int op = next();
      String result;
      if (op == ':' && peek() == '-') {
        pos++;
        String word = expression("}");
        String v = env.get(name);
        result = v == null || v.isEmpty() ? word : v;
      } else if (op == ':') {
        result = substring(name);
      } else if (op == '-') {
        String word = expression("}");
        String v = env.get(name);
        result = v == null ? word : v;
      } else if (op == '?') {
        String message = expression("}");
        if (!env.containsKey(name)) {
          throw new Failure("$" + name + ": " + (message.isEmpty() ? "not set" : message));
        }
        result = env.get(name);
      } else {
        throw new Failure("Expected an operator, got " + describe(op));
      }
      int close = next();
      if (close != '}') {
        throw new Failure("Expected brace expansion to end with }, got " + describe(close));
      }
      return result;
    }

    private String substring(String name) throws Failure {
      int offset = number(until(":}"), "offset");
      String v = env.getOrDefault(name, "");
      boolean hasLength = peek() == ':';
      int length = 0;
      if (hasLength) {
        pos++;
        length = number(until("}"), "length");
      }
      int from = offset < 0 ? Math.max(0, offset + v.length()) : Math.min(offset, v.length());
      if (!hasLength) {
        return v.substring(from);
      }
      int to = length >= 0 ? from + length : Math.max(from, length + v.length());
      return v.substring(from, Math.min(to, v.length()));
    }

    private int number(String text, String what) throws Failure {
      try {
        return Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        throw new Failure("Unable to parse " + what + ": '" + text + "' is not a number");
      }
    }

    private String until(String stop) {
      int start = pos;
      while (pos < input.length() && stop.indexOf(input.charAt(pos)) < 0) {
        pos++;
      }
      return input.substring(start, pos);
    }

    private String identifier() throws Failure {
      int c = peek();
      if (c < 0 || !Character.isLetter(c)) {
        throw new Failure(
            "Expected identifier to start with a letter, got "
                + describe(c)
                + " (write $$ for a literal $)");
      }
      int start = pos;
      while (pos < input.length()) {
        int r = input.codePointAt(pos);
        if (!Character.isLetter(r) && !Character.isDigit(r) && r != '_') {
          break;
        }
        pos += Character.charCount(r);
      }
      return input.substring(start, pos);
    }

    private String value(String name) {
      return env.getOrDefault(name, "");
    }

    private int peek() {
      return pos < input.length() ? input.codePointAt(pos) : -1;
    }

    private int next() {
      int c = peek();
      if (c >= 0) {
        pos += Character.charCount(c);
      }
      return c;
    }

    private String describe(int c) {
      return c < 0 ? "the end of the line" : "'" + new String(Character.toChars(c)) + "'";
    }
  }
}
