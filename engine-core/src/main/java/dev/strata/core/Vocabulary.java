package dev.strata.core;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an entry point words the engine's advice. The engine's messages name an option by its
 * property, {@code strata.outOfOrder} (with a value: {@code strata.phase=expand}), and a command by
 * its name in backquotes, {@code `repair`} ({@code `baseline` from dbmate} for adopting another
 * tool's history), so that each entry point can say them as its users type them: the command line
 * as {@code --out-of-order} and {@code `strata repair --confirm`}, Spring Boot as {@code
 * strata.out-of-order}. Embedders calling the API read the engine's own words, which are its {@link
 * StrataConfiguration.Builder#properties} keys.
 */
public enum Vocabulary {
  /** The engine's words, unchanged: the API's property keys. */
  API,
  /** Flags and {@code strata} commands. */
  COMMAND_LINE,
  /** The starter's properties, in Spring Boot's canonical (kebab-case) form. */
  SPRING_BOOT;

  private static final Pattern OPTION =
      Pattern.compile("(?<![\\w.-])strata\\.([a-z][A-Za-z]*)(?:=([^\\s,;)]+))?");
  private static final Pattern COMMAND = Pattern.compile("`([a-z]+)`(?: from ([a-z][\\w-]*))?");
  private static final Set<String> COMMANDS =
      Set.of(
          "migrate", "plan", "down", "status", "validate", "repair", "baseline", "lint", "history");

  /** {@code message}, a message of the engine's, in this entry point's words. */
  public String render(String message) {
    if (this == API) {
      return message;
    }
    return commands(options(message));
  }

  private String options(String message) {
    Matcher m = OPTION.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      StrataOption option = StrataOption.forKey(m.group(1));
      String value = m.group(2);
      String said;
      if (option == null) {
        said = m.group();
      } else if (this == COMMAND_LINE) {
        said = option.flag() + (value == null ? "" : " " + value);
      } else {
        said = "strata." + kebab(option.key()) + (value == null ? "" : "=" + value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(said));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String commands(String message) {
    Matcher m = COMMAND.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String command = m.group(1);
      String tool = m.group(2);
      String said;
      if (!COMMANDS.contains(command)) {
        said = m.group();
      } else {
        String line =
            "strata "
                + command
                + (command.equals("repair") ? " --confirm" : "")
                + (tool == null ? "" : " --from " + tool);
        said =
            this == COMMAND_LINE
                ? "`" + line + "`"
                : "Strata's " + command + " command (`" + line + "` on the command line)";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(said));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String kebab(String key) {
    return key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }
}
