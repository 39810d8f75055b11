package dev.strata.benchmarks;

import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;
import dev.strata.testsupport.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast each dialect's script parser splits real SQL: every {@code .sql} file of the shared
 * corpus ({@code STRATA_CORPUS_DIR}, else {@code ../shared/corpus}), through the {@link Dialect}
 * its {@link DialectProvider} creates for a made-up {@link DatabaseProduct}, as the engine does.
 *
 * <p>Files a dialect refuses (another database's syntax) are left out of its set, and said so at
 * setup. One operation parses the whole set; the secondary result {@code bytes} is the bytes parsed
 * per second (divide by 10⁶ for MB/s). Each operation must produce the statement count setup saw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParserThroughputBenchmark {
  /** The dialect's provider name: {@code h2}, {@code postgresql} or {@code mysql}. */
  @Param({"h2", "postgresql", "mysql"})
  public String dialect = "h2";

  private Dialect parser;
  private List<String> scripts;
  private long bytes;
  private int statements;

  /** Bytes parsed, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Parsed {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void readCorpus() throws IOException {
    parser = dialect(dialect);
    Path corpus =
        Corpus.dir()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No corpus for the parser benchmark: set STRATA_CORPUS_DIR or run from"
                            + " a directory below one holding shared/corpus"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    scripts = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      try {
        statements += parser.parse(text).size();
      } catch (RuntimeException e) {
        refused.add(corpus.relativize(file).toString());
        continue;
      }
      scripts.add(text);
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf(
        "%n[%s parser] %d of %d corpus files, %.2f MB, %d statements; refused: %s%n",
        dialect, scripts.size(), files.size(), bytes / 1e6, statements, refused);
  }

  static Dialect dialect(String name) {
    DatabaseProduct product =
        switch (name) {
          case "h2" ->
              new DatabaseProduct("H2", "2.3.232 (2024-08-11)", 2, 3, "jdbc:h2:mem:corpus");
          case "postgresql" ->
              new DatabaseProduct(
                  "PostgreSQL", "15.8", 15, 8, "jdbc:postgresql://localhost/corpus");
          case "mysql" ->
              new DatabaseProduct("MySQL", "8.0.39", 8, 0, "jdbc:mysql://localhost/corpus");
          default ->
              throw new IllegalArgumentException(
                  "Unknown dialect '" + name + "'; known: h2, postgresql, mysql");
        };
    for (DialectProvider provider : ServiceLoader.load(DialectProvider.class)) {
      if (provider.supports(product)) {
        return provider.create(product);
      }
    }
    throw new IllegalStateException(
        "No dialect on the classpath supports "
            + product.name()
            + "; is strata-dialect-"
            + name
            + " a dependency?");
  }

  @Benchmark
  public int parseCorpus(Parsed parsed) {
    int count = 0;
    for (String script : scripts) {
      count += parser.parse(script).size();
    }
    if (count != statements) {
      throw new IllegalStateException(
          dialect + " parser split the corpus into " + count + " statements, then " + statements);
    }
    parsed.bytes += bytes;
    return count;
  }
}
