package dev.strata.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a few options from the raw arguments before picocli parses them, because a usage error
 * must already be printed in the right format and without the password it may quote.
 */
final class CommandLineScan {
  private CommandLineScan() {}

  /** Every value given to {@code option}, as {@code option VALUE} or {@code option=VALUE}. */
  static List<String> values(String[] args, String option) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(option) && i + 1 < args.length) {
        values.add(args[i + 1]);
      } else if (args[i].startsWith(option + "=")) {
        values.add(args[i].substring(option.length() + 1));
      }
    }
    return values;
  }

  /** The {@code --log-format} given last, or text. */
  static Format logFormat(String[] args) {
    List<String> given = values(args, "--log-format");
    boolean json = !given.isEmpty() && given.get(given.size() - 1).strip().toLowerCase(Locale.ROOT).equals("json");
    return json ? Format.JSON : Format.TEXT;
  }
}
