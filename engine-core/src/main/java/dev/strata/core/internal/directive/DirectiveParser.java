package dev.strata.core.internal.directive;

import dev.strata.api.ScriptParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the directives in a script's header: the {@code --} comment lines (and blank lines)
 * before its first statement. One grammar for every source and dialect: {@code --
 * strata:<name>=<value>}, one per line. An unknown name or a bad value is an error, never
 * silently ignored, since a misspelt directive would change how a migration runs.
 */
public final class DirectiveParser {
  private static final Pattern DIRECTIVE =
      Pattern.compile("--\\s*strata:([a-z-]+)\\s*(?:=\\s*(\\S*))?\\s*");

  private DirectiveParser() {}

  public static Directives parse(String script, String origin) {
    Boolean transaction = null;
    int line = 0;
    for (String raw : script.split("\n", -1)) {
      line++;
      String text = raw.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (!text.startsWith("--")) {
        break;
      }
      if (!text.replaceFirst("^--\\s*", "").startsWith("strata:")) {
        continue;
      }
      Matcher m = DIRECTIVE.matcher(text);
      if (!m.matches()) {
        throw new ScriptParseException(
            origin, line, "malformed directive '" + text + "'; write it as -- strata:transaction=false");
      }
      String name = m.group(1);
      String value = m.group(2) == null ? "" : m.group(2);
      switch (name) {
        case "transaction" -> transaction = bool(origin, line, name, value);
        default ->
            throw new ScriptParseException(
                origin,
                line,
                "unknown directive strata:" + name + "; the known directive is strata:transaction=true|false");
      }
    }
    return new Directives(transaction);
  }

  private static boolean bool(String origin, int line, String name, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new ScriptParseException(
              origin, line, "strata:" + name + " takes true or false, not '" + value + "'");
    };
  }
}
