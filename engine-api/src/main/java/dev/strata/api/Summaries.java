package dev.strata.api;

import java.util.List;
import java.util.stream.Collectors;

/** Renders the one-line summaries of results. */
final class Summaries {
  private Summaries() {}

  static String of(String verb, String noun, List<ExecutedMigration> done, long durationMs) {
    if (done.isEmpty()) {
      return "up to date: " + verb + " 0 " + noun + "s in " + durationMs + " ms";
    }
    String names =
        done.stream()
            .map(
                m ->
                    m.id().version() == null ? "R " + m.id().description() : "V" + m.id().version())
            .collect(Collectors.joining(", "));
    return verb
        + " "
        + done.size()
        + " "
        + noun
        + (done.size() == 1 ? "" : "s")
        + " ("
        + names
        + ") in "
        + durationMs
        + " ms";
  }
}
