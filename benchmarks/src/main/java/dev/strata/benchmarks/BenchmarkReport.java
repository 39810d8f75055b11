package dev.strata.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the benchmarks with JMH's own command-line options, then prints JMH's table followed by a
 * Markdown summary: the median of every result, one column per engine, and the ratios Strata /
 * HistoryFloor and Strata / Flyway taken within the same run; with {@code -prof gc}, the same for
 * the memory allocated per operation.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.strata.benchmarks.BenchmarkReport -rf json
 * }</pre>
 */
public final class BenchmarkReport {
  private static final List<String> ENGINES = MigrationEngine.NAMES;

  /** The secondary result of {@code -prof gc}: bytes allocated per operation. */
  private static final String ALLOCATION = "gc.alloc.rate.norm";

  private BenchmarkReport() {}

  public static void main(String[] args) throws Exception {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    System.out.println();
    System.out.println(markdown(results));
  }

  /** The Markdown summary of {@code results}. */
  public static String markdown(Collection<RunResult> results) {
    StringBuilder out = new StringBuilder();
    Map<String, List<RunResult>> byBenchmark = new LinkedHashMap<>();
    for (RunResult r : results) {
      byBenchmark.computeIfAbsent(simpleName(r.getParams()), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<RunResult>> e : byBenchmark.entrySet()) {
      List<RunResult> runs = e.getValue();
      if (runs.get(0).getParams().getParam("engine") == null) {
        parserTable(out, e.getKey(), runs);
      } else {
        engineTable(out, e.getKey(), runs, null);
        if (runs.get(0).getSecondaryResults().containsKey(ALLOCATION)) {
          engineTable(out, e.getKey(), runs, ALLOCATION);
        }
      }
    }
    return out.toString();
  }

  private static void engineTable(
      StringBuilder out, String name, List<RunResult> runs, @Nullable String secondary) {
    BenchmarkParams first = runs.get(0).getParams();
    List<String> keys = new ArrayList<>(first.getParamsKeys());
    keys.remove("engine");
    // One row per combination of the other parameters, one column per engine.
    Map<String, Map<String, RunResult>> rows = new LinkedHashMap<>();
    for (RunResult r : runs) {
      StringBuilder row = new StringBuilder();
      for (String k : keys) {
        row.append("| ").append(r.getParams().getParam(k)).append(' ');
      }
      rows.computeIfAbsent(row.toString(), k -> new TreeMap<>())
          .put(r.getParams().getParam("engine"), r);
    }
    List<String> engines =
        ENGINES.stream()
            .filter(en -> rows.values().stream().anyMatch(m -> m.containsKey(en)))
            .toList();
    out.append("### ")
        .append(name)
        .append(
            secondary == null
                ? " (median, " + runs.get(0).getPrimaryResult().getScoreUnit() + ")"
                : ", allocated MB/op (median)")
        .append("\n\n");
    for (String k : keys) {
      out.append("| ").append(k).append(' ');
    }
    engines.forEach(en -> out.append("| ").append(en).append(' '));
    out.append("| strata / historyFloor | strata / flyway |\n");
    out.append("|---".repeat(keys.size() + engines.size() + 2)).append("|\n");
    for (Map.Entry<String, Map<String, RunResult>> row : rows.entrySet()) {
      out.append(row.getKey());
      for (String en : engines) {
        RunResult r = row.getValue().get(en);
        out.append("| ").append(r == null ? "failed" : format(value(r, secondary))).append(' ');
      }
      out.append("| ")
          .append(ratio(row.getValue(), "historyFloor", secondary))
          .append(" | ")
          .append(ratio(row.getValue(), "flyway", secondary))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static void parserTable(StringBuilder out, String name, List<RunResult> runs) {
    out.append("### ")
        .append(name)
        .append(" (median)\n\n")
        .append("| dialect | corpus parses/s | MB/s |\n|---|---|---|\n");
    for (RunResult r : runs) {
      Result<?> bytes = r.getSecondaryResults().get("bytes");
      out.append("| ")
          .append(r.getParams().getParam("dialect"))
          .append(" | ")
          .append(format(median(r.getPrimaryResult())))
          .append(" | ")
          .append(bytes == null ? "" : format(median(bytes) / 1e6))
          .append(" |\n");
    }
    out.append('\n');
  }

  private static String ratio(Map<String, RunResult> row, String base, @Nullable String secondary) {
    RunResult strata = row.get("strata");
    RunResult other = row.get(base);
    if (strata == null || other == null) {
      return "";
    }
    return String.format(Locale.ROOT, "%.2f", value(strata, secondary) / value(other, secondary));
  }

  /** The primary result's median in its unit, or a secondary result's median in MB. */
  private static double value(RunResult r, @Nullable String secondary) {
    if (secondary == null) {
      return median(r.getPrimaryResult());
    }
    Result<?> result = r.getSecondaryResults().get(secondary);
    return result == null ? Double.NaN : median(result) / 1e6;
  }

  private static double median(Result<?> result) {
    return result.getStatistics().getPercentile(50);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
  }

  private static String simpleName(BenchmarkParams params) {
    String full = params.getBenchmark();
    String cls = full.substring(0, full.lastIndexOf('.'));
    return cls.substring(cls.lastIndexOf('.') + 1);
  }
}
