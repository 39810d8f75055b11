package dev.strata.cli;

import dev.strata.cli.internal.GracefulStop;
import dev.strata.cli.internal.Launcher;
import dev.strata.cli.internal.StopRequest;
import java.io.PrintStream;
import java.util.Map;
import java.util.logging.LogManager;

/**
 * The {@code strata} command line: {@code java -jar strata.jar migrate --url ... --source
 * filesystem:/migrations}. Results go to stdout; progress, warnings and errors to stderr; the exit
 * code says what happened (see {@link ExitCode}). Run {@code strata --help} for the commands and
 * options.
 *
 * <p>{@link #run} runs a command in-process, with its own streams and environment, which makes the
 * CLI testable and embeddable; it is safe to call from several threads at once when they pass
 * different streams.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits the JVM with its exit code. On SIGTERM (or Ctrl-C) it cancels
   * the running command, waits up to 10 s for it to finish, and exits with {@link
   * ExitCode#STOPPED}.
   */
  public static void main(String[] args) {
    // JDBC drivers log through java.util.logging, whose default handler would print plain text on
    // stderr; what users see is rendered from engine events instead.
    LogManager.getLogManager().reset();
    StopRequest stop = new StopRequest();
    GracefulStop graceful = GracefulStop.install(stop, GracefulStop.GRACE);
    int exitCode =
        Launcher.run(args, System.out, System.err, System.getenv(), System.getProperties(), stop);
    graceful.finished();
    System.exit(exitCode);
  }

  /**
   * Runs {@code strata args...} in this JVM.
   *
   * @param out receives results (the summary, tables, the plan)
   * @param err receives progress, warnings and errors
   * @param environment the environment to read {@code STRATA_*} variables from; system properties
   *     are read from {@link System#getProperties()}
   * @return the exit code, one of {@link ExitCode}'s constants
   */
  public static int run(
      String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    return Launcher.run(args, out, err, environment, System.getProperties());
  }
}
