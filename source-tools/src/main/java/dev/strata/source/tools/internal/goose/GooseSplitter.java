package dev.strata.source.tools.internal.goose;

import dev.strata.api.Direction;
import dev.strata.api.ScriptParseException;
import dev.strata.api.SqlStatement;
import dev.strata.spi.ScriptSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration as pressly/goose v3's {@code sqlparser.ParseSQLMigration} does, for one
 * direction, with the same state machine:
 *
 * <ul>
 *   <li>blank lines before {@code -- +goose Up} are skipped, comment lines too; any other line
 *       before it is an error, as is a second {@code Up}, a {@code Down} before {@code Up}, a
 *       {@code StatementBegin} before either, a {@code StatementEnd} without {@code
 *       StatementBegin}, a {@code StatementBegin} never ended, and text left unterminated at the
 *       {@code Down} annotation or at the end of the file;
 *   <li>comment and empty lines before a statement are dropped; once a statement started, every
 *       line is part of it until a line whose last word before any {@code --} word ends with {@code
 *       ;}, or, between {@code StatementBegin} and {@code StatementEnd}, until {@code
 *       StatementEnd};
 *   <li>between {@code ENVSUB ON} and {@code ENVSUB OFF} each line taken into a statement is
 *       substituted first ({@link Envsubst}).
 * </ul>
 *
 * <p>Errors name the line of the file. Immutable and thread-safe.
 */
final class GooseSplitter implements ScriptSplitter {
  private enum State {
    START,
    UP,
    BEGIN_UP,
    END_UP,
    DOWN,
    BEGIN_DOWN,
    END_DOWN
  }

  private static final String SEE =
      "see https://pressly.github.io/goose/documentation/annotations/";

  private final Direction direction;
  private final Envsubst envsubst;

  GooseSplitter(Direction direction, Envsubst envsubst) {
    this.direction = direction;
    this.envsubst = envsubst;
  }

  @Override
  public List<SqlStatement> split(String script) {
    List<SqlStatement> statements = new ArrayList<>();
    List<String> buf = new ArrayList<>();
    int bufStart = 0;
    int beginLine = 0;
    State state = State.START;
    boolean envsub = false;
    String[] lines = script.split("\n", -1);
    int count = script.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      int lineNo = i + 1;
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (state == State.START && line.strip().isEmpty()) {
        continue;
      }
      Annotation annotation;
      try {
        annotation = Annotation.of(line);
      } catch (Annotation.Invalid e) {
        throw error(lineNo, e.getMessage());
      }
      if (annotation != null) {
        switch (annotation) {
          case UP -> {
            if (state != State.START) {
              throw error(lineNo, "a second '-- +goose Up' annotation; goose allows one per file");
            }
            state = State.UP;
            continue;
          }
          case DOWN -> {
            if (state != State.UP && state != State.END_UP) {
              throw error(
                  lineNo,
                  state == State.START
                      ? "'-- +goose Down' before '-- +goose Up'; goose requires the Up annotation"
                          + " first"
                      : "'-- +goose Down' where goose does not allow it (inside a StatementBegin"
                          + " block or after another Down); "
                          + SEE);
            }
            if (!joined(buf).isBlank()) {
              throw unfinished(bufStart);
            }
            state = State.DOWN;
            continue;
          }
          case STATEMENT_BEGIN -> {
            if (state == State.UP || state == State.END_UP) {
              state = State.BEGIN_UP;
            } else if (state == State.DOWN || state == State.END_DOWN) {
              state = State.BEGIN_DOWN;
            } else {
              throw error(
                  lineNo,
                  "'-- +goose StatementBegin' must follow '-- +goose Up' or '-- +goose Down'"
                      + (state == State.START ? "" : " and may not be nested")
                      + "; "
                      + SEE);
            }
            beginLine = lineNo;
            continue;
          }
          case STATEMENT_END -> {
            if (state == State.BEGIN_UP) {
              state = State.END_UP;
            } else if (state == State.BEGIN_DOWN) {
              state = State.END_DOWN;
            } else {
              throw error(
                  lineNo, "'-- +goose StatementEnd' without '-- +goose StatementBegin'; " + SEE);
            }
            // goose goes on with this line, as below: it ends the statement
          }
          case NO_TRANSACTION -> {
            continue; // read when the file is listed (the migration's autocommit)
          }
          case ENVSUB_ON -> {
            envsub = true;
            continue;
          }
          case ENVSUB_OFF -> {
            envsub = false;
            continue;
          }
        }
      }
      if (buf.isEmpty() && (line.strip().startsWith("--") || line.isEmpty())) {
        continue; // comments and empty lines before a statement
      }
      if (state != State.END_UP && state != State.END_DOWN) {
        if (envsub) {
          try {
            line = envsubst.expand(line);
          } catch (Envsubst.Failure e) {
            throw error(
                lineNo, "variable substitution failed (-- +goose ENVSUB ON): " + e.getMessage());
          }
        }
        if (buf.isEmpty()) {
          bufStart = lineNo;
        }
        buf.add(line);
      }
      boolean upLine = state == State.UP || state == State.BEGIN_UP || state == State.END_UP;
      boolean downLine =
          state == State.DOWN || state == State.BEGIN_DOWN || state == State.END_DOWN;
      if (!upLine && !downLine) {
        throw error(
            lineNo,
            "SQL before the '-- +goose Up' annotation; goose requires every migration to start"
                + " with '-- +goose Up' (only comments and blank lines may precede it)");
      }
      if ((upLine && direction == Direction.DOWN) || (downLine && direction == Direction.UP)) {
        buf.clear();
        continue;
      }
      switch (state) {
        case UP, DOWN -> {
          if (StatementText.endsWithSemicolon(line)) {
            add(statements, buf, bufStart);
          }
        }
        case END_UP -> {
          add(statements, buf, bufStart);
          state = State.UP;
        }
        case END_DOWN -> {
          add(statements, buf, bufStart);
          state = State.DOWN;
        }
        default -> {}
      }
    }
    if (state == State.START) {
      throw error(
          1, "no '-- +goose Up' annotation; goose requires every migration to start with one");
    }
    if (state == State.BEGIN_UP || state == State.BEGIN_DOWN) {
      throw error(
          beginLine, "'-- +goose StatementBegin' is never ended; add '-- +goose StatementEnd'");
    }
    if (!joined(buf).isBlank()) {
      throw unfinished(bufStart);
    }
    return statements;
  }

  private static void add(List<SqlStatement> statements, List<String> buf, int bufStart) {
    SqlStatement statement = StatementText.of(buf, bufStart);
    if (statement != null) {
      statements.add(statement);
    }
    buf.clear();
  }

  private static String joined(List<String> buf) {
    return String.join("\n", buf);
  }

  private static ScriptParseException unfinished(int line) {
    return error(
        line,
        "unfinished statement: goose ends a statement only at a line ending with ';' (outside"
            + " StatementBegin/StatementEnd); add the missing semicolon");
  }

  private static ScriptParseException error(int line, String reason) {
    return new ScriptParseException("<script>", line, reason);
  }
}
