package dev.strata.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a few options from the raw arguments before picocli parses them, because a usage error must
 * already be printed in the right format and without the password it may quote.
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
    return logFormat(args, null);
  }

  /**
   * The {@code --log-format} given last, else {@code fallback} (from {@code STRATA_LOG_FORMAT}),
   * else text; a value that is neither {@code text} nor {@code json} reads as text (picocli, or
   * {@link #invalidFormat}, reports it).
   */
  static Format logFormat(String[] args, @Nullable String fallback) {
    List<String> given = values(args, "--log-format");
    String value = given.isEmpty() ? fallback : given.get(given.size() - 1);
    boolean json = value != null && value.strip().toLowerCase(Locale.ROOT).equals("json");
    return json ? Format.JSON : Format.TEXT;
  }

  /** Whether {@code value} (of a variable) is not a log format. */
  static boolean invalidFormat(@Nullable String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    return !v.equals("text") && !v.equals("json");
  }
}
