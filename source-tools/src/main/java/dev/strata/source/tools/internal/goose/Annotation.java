package dev.strata.source.tools.internal.goose;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The annotations of pressly/goose v3 ({@code internal/sqlparser/parser.go}): a line whose text,
 * leading blanks removed, starts with {@code --} and that contains {@code +goose} anywhere is an
 * annotation, and must be a valid one. goose's {@code extractAnnotation} refuses leading blanks,
 * removes every {@code --} and the first {@code +goose}, refuses a second {@code +goose}, trims,
 * and compares what is left with the known words ignoring case ({@code -- +goose up}, {@code --
 * +goose no transaction} and {@code --+goose Up} are accepted; {@code -- +goose NO TRANSACTION} and
 * {@code -- +goose Up -- note} are not).
 */
enum Annotation {
  UP("Up"),
  DOWN("Down"),
  STATEMENT_BEGIN("StatementBegin"),
  STATEMENT_END("StatementEnd"),
  NO_TRANSACTION("NO TRANSACTION"),
  ENVSUB_ON("ENVSUB ON"),
  ENVSUB_OFF("ENVSUB OFF");

  /** The annotation as goose's documentation spells it. */
  final String spelling;

  Annotation(String spelling) {
    this.spelling = spelling;
  }

  /** A line goose takes for an annotation but cannot read. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** Whether goose reads {@code line} as an annotation (and fails if it is not a valid one). */
  static boolean isCandidate(String line) {
    return line.strip().startsWith("--") && line.contains("+goose");
  }

  /**
   * The annotation on {@code line}, or {@code null} when the line is no annotation.
   *
   * @throws Invalid when goose takes the line for an annotation but refuses it
   */
  static @Nullable Annotation of(String line) throws Invalid {
    if (!isCandidate(line)) {
      return null;
    }
    if (line.startsWith(" ") || line.startsWith("\t")) {
      throw new Invalid(
          "the annotation is indented; goose reads '-- +goose' annotations only at the start of"
              + " the line");
    }
    String cmd = line.replace("--", "");
    cmd = cmd.replaceFirst("\\+goose", "");
    if (cmd.contains("+goose")) {
      throw new Invalid("the line holds '+goose' twice; write one annotation per line");
    }
    cmd = cmd.strip();
    if (cmd.isEmpty()) {
      throw new Invalid("the annotation is empty; write one of " + known());
    }
    for (Annotation a : values()) {
      if (a.spelling.toLowerCase(Locale.ROOT).equals(cmd.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new Invalid(
        "'"
            + cmd
            + "' is not a goose annotation; goose knows "
            + known()
            + " (a comment mentioning +goose must not start with --; reword it)");
  }

  private static String known() {
    StringBuilder b = new StringBuilder();
    for (Annotation a : values()) {
      b.append(b.length() == 0 ? "" : ", ").append("'-- +goose ").append(a.spelling).append('\'');
    }
    return b.toString();
  }
}
