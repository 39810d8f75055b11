package dev.strata.cli;

import java.util.List;

/** What one run of the CLI did: its exit code and everything it printed. */
record CliResult(int exitCode, String out, String err) {

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** The last line on stdout: the summary, for migrate and down. */
  String lastLine() {
    List<String> lines = outLines();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** Both streams, for assertions that something appears nowhere. */
  String all() {
    return out + err;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
