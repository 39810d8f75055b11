package dev.strata.core.internal.directive;

import dev.strata.api.MigrationPhase;
import dev.strata.api.ScriptParseException;
import dev.strata.core.internal.config.DurationText;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the directives in a script's header: the {@code --} comment lines (and blank lines) before
 * its first statement. One grammar for every source and dialect: {@code -- strata:<name>=<value>},
 * one per line. An unknown name or a bad value is an error, never silently ignored, since a
 * misspelt directive would change how a migration runs.
 */
public final class DirectiveParser {
  private static final Pattern LINT_IGNORE =
      Pattern.compile("--\\s*strata:lint-ignore=([a-z0-9-]+)\\s+reason=\"([^\"]+)\"\\s*");
  private static final Pattern DIRECTIVE =
      Pattern.compile("--\\s*strata:([a-z-]+)\\s*(?:=\\s*(\\S*))?\\s*");

  private DirectiveParser() {}

  public static Directives parse(String script, String origin) {
    Boolean transaction = null;
    MigrationPhase phase = MigrationPhase.EXPAND;
    Map<String, String> lintIgnores = new LinkedHashMap<>();
    Duration ddlLockTimeout = null;
    Duration statementTimeout = null;
    int line = 0;
    // Reads line by line up to the first statement only: the header, not the whole script.
    for (int start = 0; start <= script.length(); ) {
      int end = script.indexOf('\n', start);
      if (end < 0) {
        end = script.length();
      }
      int lineStart = start;
      start = end + 1;
      line++;
      // Looked at in place: most header lines are blank or plain comments, and the planner asks
      // for a script's directives several times per start.
      int first = skipWhitespace(script, lineStart, end);
      if (first == end) {
        continue;
      }
      if (!script.startsWith("--", first)) {
        break;
      }
      if (!script.startsWith("strata:", skipWhitespace(script, first + 2, end))) {
        continue;
      }
      String text = script.substring(first, end).strip();
      String comment = text.substring(2).stripLeading();
      if (comment.startsWith("strata:lint-ignore")) {
        Matcher ignore = LINT_IGNORE.matcher(text);
        if (!ignore.matches()) {
          throw new ScriptParseException(
              origin,
              line,
              "malformed directive '"
                  + text
                  + "'; write it as -- strata:lint-ignore=<rule-id>"
                  + " reason=\"why this statement is safe here\"");
        }
        lintIgnores.put(ignore.group(1), ignore.group(2));
        continue;
      }
      Matcher m = DIRECTIVE.matcher(text);
      if (!m.matches()) {
        throw new ScriptParseException(
            origin,
            line,
            "malformed directive '" + text + "'; write it as -- strata:transaction=false");
      }
      String name = m.group(1);
      String value = m.group(2) == null ? "" : m.group(2);
      switch (name) {
        case "transaction" -> transaction = bool(origin, line, name, value);
        case "phase" -> phase = phase(origin, line, value);
        // lock-timeout is the name it had before the migration lock's own wait took that name.
        case "ddl-lock-timeout", "lock-timeout" ->
            ddlLockTimeout = duration(origin, line, name, value);
        case "statement-timeout" -> statementTimeout = duration(origin, line, name, value);
        default ->
            throw new ScriptParseException(
                origin,
                line,
                "unknown directive strata:"
                    + name
                    + "; the known directives are"
                    + " strata:transaction=true|false, strata:phase=expand|contract,"
                    + " strata:ddl-lock-timeout=<duration>, strata:statement-timeout=<duration> and"
                    + " strata:lint-ignore=<rule-id> reason=\"…\"");
      }
    }
    return new Directives(transaction, phase, lintIgnores, ddlLockTimeout, statementTimeout);
  }

  private static int skipWhitespace(String script, int from, int end) {
    int i = from;
    while (i < end && Character.isWhitespace(script.charAt(i))) {
      i++;
    }
    return i;
  }

  private static MigrationPhase phase(String origin, int line, String value) {
    return switch (value) {
      case "expand" -> MigrationPhase.EXPAND;
      case "contract" -> MigrationPhase.CONTRACT;
      default ->
          throw new ScriptParseException(
              origin, line, "strata:phase takes expand or contract, not '" + value + "'");
    };
  }

  private static Duration duration(String origin, int line, String name, String value) {
    try {
      Duration d = DurationText.parse(value);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("'" + value + "' is not positive");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new ScriptParseException(
          origin,
          line,
          "strata:" + name + " takes a positive duration such as 5s or 10m: " + e.getMessage());
    }
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
