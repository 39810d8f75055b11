package dev.strata.core.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses durations as users write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code
 * PT30S}.
 */
public final class DurationText {
  private static final Pattern SHORT = Pattern.compile("([0-9]+)\\s*(ms|s|m|h)?");

  private DurationText() {}

  public static Duration parse(String text) {
    String t = text.strip();
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      try {
        return ofUnit(Long.parseLong(m.group(1)), m.group(2));
      } catch (ArithmeticException | NumberFormatException e) {
        throw notADuration(text, e);
      }
    }
    try {
      return Duration.parse(t);
    } catch (DateTimeParseException e) {
      throw notADuration(text, e);
    }
  }

  private static IllegalArgumentException notADuration(String text, Exception cause) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration; write e.g. 500ms, 30s, 5m or 1h", cause);
  }

  private static Duration ofUnit(long n, @Nullable String unit) {
    return switch (unit == null ? "s" : unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
