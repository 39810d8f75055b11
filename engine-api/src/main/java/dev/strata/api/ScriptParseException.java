package dev.strata.api;

/**
 * A script cannot be split into statements (an unterminated quote or comment, a directive the
 * dialect refuses). Thrown by dialect parsers with the line; the engine adds the file.
 */
public final class ScriptParseException extends StrataException {
  private static final long serialVersionUID = 1L;
  private final String origin;
  private final int line;
  private final String reason;

  /**
   * @param origin the script's file, or {@code "<script>"} when the parser does not know it
   * @param line the 1-based line where the problem starts
   * @param reason what is wrong and what to do
   */
  public ScriptParseException(String origin, int line, String reason) {
    super(origin + ":" + line + ": " + reason, null);
    this.origin = origin;
    this.line = line;
    this.reason = reason;
  }

  /** The same failure, attributed to {@code newOrigin}. */
  public ScriptParseException withOrigin(String newOrigin) {
    return new ScriptParseException(newOrigin, line, reason);
  }

  public String origin() {
    return origin;
  }

  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }

  @Override
  public String code() {
    return "PARSE";
  }
}
