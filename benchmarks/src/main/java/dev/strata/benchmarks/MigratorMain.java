package dev.strata.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One racing migrator of {@link ConcurrentMigratorsBenchmark} as a process of its own, started by
 * {@link MigratorProcess}: it applies a migration set that another process generated to a database
 * that process created, with the same {@link MigrationEngine} the benchmark's threads use.
 *
 * <pre>{@code
 * java -cp benchmarks.jar dev.strata.benchmarks.MigratorMain \
 *     <engine> <h2|postgresql|mariadb> <set directory> <realistic|trivial> <migrations>
 * }</pre>
 *
 * <p>The JDBC URL, user and password come from the environment ({@value #URL_VARIABLE}, {@value
 * #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}), not the command line, where every user of the
 * machine could read the password.
 *
 * <p>The protocol, one line each way: the process prints {@value #READY} once the JVM is up, before
 * it loads any engine, driver or JDBC class, waits for {@value #GO} on standard input, migrates,
 * prints {@value #APPLIED} and the count the engine reported ({@value MigrationEngine#UNKNOWN} when
 * it reports none), and exits 0. A failure prints its stack trace to standard error and exits 1; a
 * wrong invocation exits 2. So the racing processes start together, and their time counts what the
 * engines load and do, not the JVM's boot.
 */
public final class MigratorMain {
  static final String READY = "ready";
  static final String GO = "go";
  static final String APPLIED = "applied ";
  static final String URL_VARIABLE = "STRATA_BENCH_JDBC_URL";
  static final String USER_VARIABLE = "STRATA_BENCH_JDBC_USER";
  static final String PASSWORD_VARIABLE = "STRATA_BENCH_JDBC_PASSWORD";

  private MigratorMain() {}

  public static void main(String[] args) throws IOException {
    // Until "go", only java.base classes: loading the engine and the driver is part of the race.
    String url = System.getenv(URL_VARIABLE);
    if (args.length != 5 || url == null) {
      System.err.println(
          "Usage: MigratorMain <engine> <h2|postgresql|mariadb> <set directory>"
              + " <realistic|trivial> <migrations>, with "
              + URL_VARIABLE
              + " (and "
              + USER_VARIABLE
              + ", "
              + PASSWORD_VARIABLE
              + ") in the environment");
      System.exit(2);
    }
    System.out.println(READY);
    System.out.flush();
    String line =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (!GO.equals(line)) {
      System.err.println("Expected '" + GO + "' on standard input, read " + line);
      System.exit(2);
    }
    int applied;
    try {
      applied =
          migrate(
              args,
              url,
              System.getenv().getOrDefault(USER_VARIABLE, ""),
              System.getenv().getOrDefault(PASSWORD_VARIABLE, ""));
    } catch (Throwable e) { // whatever it is, the parent reads it from standard error
      e.printStackTrace();
      System.exit(1);
      return;
    }
    System.out.println(APPLIED + applied);
    System.out.flush();
    // Exit even if a library left a non-daemon thread behind.
    System.exit(0);
  }

  private static int migrate(String[] args, String url, String user, String password)
      throws Exception {
    JdbcTarget target = new JdbcTarget(BenchDatabase.Kind.named(args[1]), url, user, password);
    MigrationSet set =
        MigrationSet.written(
            Path.of(args[2]),
            MigrationSetGenerator.Shape.named(args[3]),
            Integer.parseInt(args[4]));
    return MigrationEngine.named(args[0]).migrate(BenchDatabase.attach(target), set);
  }
}
