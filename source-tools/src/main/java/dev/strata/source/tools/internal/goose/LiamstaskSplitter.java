package dev.strata.source.tools.internal.goose;

import dev.strata.api.Direction;
import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import dev.strata.spi.ScriptSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration as the original goose ({@code bitbucket.org/liamstask/goose}, {@code
 * lib/goose/migration_sql.go}, {@code splitSQLStatements}) does, for one direction:
 *
 * <ul>
 *   <li>an annotation is a line starting, at column 0 and case-sensitively, with {@code -- +goose }
 *       followed by {@code Up}, {@code Down}, {@code StatementBegin} or {@code StatementEnd}
 *       (surrounding blanks trimmed); anything else is an ordinary comment;
 *   <li>{@code Up} and {@code Down} switch the direction on and off, any number of times; the lines
 *       of the active direction, annotations and comments included, are collected into the current
 *       statement, which ends at a line whose last word before any {@code --} word ends with {@code
 *       ;}, or, between {@code StatementBegin} and {@code StatementEnd}, at {@code StatementEnd};
 *   <li>a file with neither {@code Up} nor {@code Down} is an error.
 * </ul>
 *
 * <p>Where the original goose silently drops SQL (text after the last {@code ;} of the direction,
 * or after a {@code StatementBegin} never ended, of which it only prints a warning), Strata stops
 * with the line instead: dropping a statement unseen is not something a migration should rely on.
 * Comment-only leftovers are dropped as goose drops them.
 *
 * <p>Immutable and thread-safe.
 */
final class LiamstaskSplitter implements ScriptSplitter {
  /** The annotation prefix, exactly as the original goose matches it. */
  static final String PREFIX = "-- +goose ";

  private final Direction direction;

  LiamstaskSplitter(Direction direction) {
    this.direction = direction;
  }

  /** The annotation word of {@code line}, or {@code null}. */
  static String annotation(String line) {
    return line.startsWith(PREFIX) ? line.substring(PREFIX.length()).strip() : null;
  }

  @Override
  public List<SqlStatement> split(String script) {
    List<SqlStatement> statements = new ArrayList<>();
    List<String> buf = new ArrayList<>();
    int bufStart = 0;
    int sections = 0;
    boolean statementEnded = false;
    boolean ignoreSemicolons = false;
    boolean active = false;
    int beginLine = 0;
    String[] lines = script.split("\n", -1);
    int count = script.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      int lineNo = i + 1;
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String cmd = annotation(line);
      if (cmd != null) {
        switch (cmd) {
          case "Up" -> {
            active = direction == Direction.UP;
            sections++;
          }
          case "Down" -> {
            active = direction == Direction.DOWN;
            sections++;
          }
          case "StatementBegin" -> {
            if (active) {
              ignoreSemicolons = true;
              beginLine = lineNo;
            }
          }
          case "StatementEnd" -> {
            if (active) {
              statementEnded = ignoreSemicolons;
              ignoreSemicolons = false;
            }
          }
          default -> {}
        }
      }
      if (!active) {
        continue;
      }
      if (buf.isEmpty()) {
        bufStart = lineNo;
      }
      buf.add(line);
      if ((!ignoreSemicolons && StatementText.endsWithSemicolon(line)) || statementEnded) {
        statementEnded = false;
        SqlStatement statement = StatementText.of(buf, bufStart);
        if (statement != null) {
          statements.add(statement);
        }
        buf.clear();
      }
    }
    if (sections == 0) {
      throw new ScriptParseException(
          "<script>",
          1,
          "no '-- +goose Up' or '-- +goose Down' annotation (the original goose refuses such a"
              + " file); add '-- +goose Up' at column 0 before the SQL");
    }
    if (ignoreSemicolons) {
      throw new ScriptParseException(
          "<script>",
          beginLine,
          "'-- +goose StatementBegin' is never ended: the original goose silently drops what"
              + " follows; add '-- +goose StatementEnd'");
    }
    if (StatementText.of(buf, bufStart) != null) {
      throw new ScriptParseException(
          "<script>",
          StatementText.of(buf, bufStart).line(),
          "text after the last ';' of the section: the original goose silently drops it, so it"
              + " never ran; end it with ';' to run it, or delete it");
    }
    return statements;
  }
}
