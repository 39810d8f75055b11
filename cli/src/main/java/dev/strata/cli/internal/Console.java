package dev.strata.cli.internal;

import dev.strata.core.Vocabulary;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where everything the process prints goes: results on stdout; progress, warnings and errors on
 * stderr. As text, a line is its message (warnings and errors prefixed); under {@code --log-format
 * json}, every line on either stream is one JSON object with {@code timestamp}, {@code level},
 * {@code event}, the line's fields and {@code message}. Every string is masked by the {@link
 * SecretMask} first.
 *
 * <p>Thread-safe: the heartbeat, the shutdown hook and the workers of {@code migrate --schemas}
 * print from their own threads, and each line is written whole. A console {@link #forSchema for one
 * schema} marks its lines with that schema ({@code [tenant_1] Applying ...}, or a {@code schema}
 * field in JSON).
 */
final class Console {
  private final PrintStream out;
  private final PrintStream err;
  private final Format format;
  private final SecretMask mask;
  private final Clock clock;
  private final @Nullable String schema;

  /** Shared by every console of one run, so that lines never interleave. */
  private final Object lock;

  Console(PrintStream out, PrintStream err, Format format, SecretMask mask, Clock clock) {
    this(out, err, format, mask, clock, null, new Object());
  }

  private Console(
      PrintStream out,
      PrintStream err,
      Format format,
      SecretMask mask,
      Clock clock,
      @Nullable String schema,
      Object lock) {
    this.out = out;
    this.err = err;
    this.format = format;
    this.mask = mask;
    this.clock = clock;
    this.schema = schema;
    this.lock = lock;
  }

  /** A console whose progress lines name {@code schema}; it writes to the same streams. */
  Console forSchema(String schema) {
    return new Console(out, err, format, mask, clock, schema, lock);
  }

  Clock clock() {
    return clock;
  }

  boolean isJson() {
    return format == Format.JSON;
  }

  /** A line of a command's result, on stdout. */
  void result(String event, String message, Fields fields) {
    write(out, "INFO", event, message, fields);
  }

  /** A line of a result that only people need (a table header, a blank line): text mode only. */
  void resultText(String line) {
    if (!isJson()) {
      print(out, line);
    }
  }

  /** A whole JSON document on stdout, on one line and without the log-line envelope. */
  void document(Map<String, ?> document) {
    print(out, JsonText.of(document, mask::apply));
  }

  /** Text written to stdout exactly as it is (a schema dump), secrets masked. */
  void verbatim(String text) {
    synchronized (lock) {
      out.print(mask.apply(text));
      out.flush();
    }
  }

  /** Progress, on stderr. */
  void info(String event, String message, Fields fields) {
    write(err, "INFO", event, message, fields);
  }

  void warn(String event, String message, Fields fields) {
    write(err, "WARN", event, message, fields);
  }

  void error(String event, String message, Fields fields) {
    write(err, "ERROR", event, message, fields);
  }

  /**
   * Writes one line; the engine's words for options and commands in {@code message} become flags
   * and {@code strata} commands ({@link Vocabulary#COMMAND_LINE}).
   */
  private void write(
      PrintStream stream, String level, String event, String engineMessage, Fields fields) {
    String message = Vocabulary.COMMAND_LINE.render(engineMessage);
    if (isJson()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("timestamp", clock.instant().toString());
      line.put("level", level);
      line.put("event", event);
      if (schema != null) {
        line.put("schema", schema);
      }
      line.putAll(fields.asMap());
      line.put("message", message);
      print(stream, JsonText.of(line, mask::apply));
    } else {
      String prefix =
          switch (level) {
            case "WARN" -> "warning: ";
            case "ERROR" -> "error: ";
            default -> "";
          };
      print(stream, mask.apply(prefix + (schema == null ? "" : "[" + schema + "] ") + message));
    }
  }

  private void print(PrintStream stream, String line) {
    synchronized (lock) {
      stream.println(line);
      stream.flush();
    }
  }
}
