package dev.strata.cli.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as the engine's options take them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code
 * 1h}, ISO-8601 ({@code PT30S}); a bare number is seconds. {@code 0} and {@code off} mean zero,
 * which the options that take it read as "disabled".
 */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("([0-9]{1,12})\\s*(ms|s|m|h)?");

  @Override
  public Duration convert(String text) {
    return parse(text);
  }

  static Duration parse(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("off")) {
      return Duration.ZERO;
    }
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofSeconds(n);
      };
    }
    try {
      Duration d = Duration.parse(t);
      if (!d.isNegative()) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new TypeConversionException(
        "'" + text + "' is not a duration; write e.g. 500ms, 30s, 5m or 1h");
  }

  /** {@code 250 ms}, {@code 1.5 s}, {@code 12 s}, {@code 3 min 5 s}: short and readable. */
  static String text(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 10_000) {
      return Math.round(ms / 100.0) / 10.0 + " s";
    }
    long s = Math.round(ms / 1000.0);
    return s < 60 ? s + " s" : (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
  }
}
