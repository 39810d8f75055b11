package dev.strata.cli.internal;

import dev.strata.cli.ExitCode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Parses the command line and runs one command with the given streams and environment, so that
 * tests run the whole CLI in-process. Every failure is reported here, once.
 */
public final class Launcher {
  // Lines are kept under 80 columns: picocli would wrap them without indenting.
  private static final String[] FOOTER = {
    "",
    "Configuration, highest precedence first: command-line options, system",
    "properties (-Dstrata.url=...), STRATA_* environment variables (STRATA_URL,",
    "STRATA_USER, STRATA_PASSWORD, STRATA_PASSWORD_FILE, STRATA_SOURCES, ...), then",
    "the --config file (or STRATA_CONFIG). A --source list replaces lower layers'.",
    "Without a URL, strata uses a local H2 file database, to try it without a server:",
    "  " + StrataLoader.DEFAULT_URL,
    "Without --source, it reads filesystem:migrations.",
    "",
    "Exit codes:",
    "  " + ExitCode.SUCCESS + "  success",
    "  " + ExitCode.UNEXPECTED + "  unexpected error",
    "  " + ExitCode.USAGE + "  usage error: unknown or missing option, bad value, no --confirm",
    "  " + ExitCode.CONFIGURATION + "  configuration or bad input: invalid option value, unreadable",
    "     source, bad migration file name or script",
    "  " + ExitCode.VALIDATION + "  validation failure: sources and history disagree, or not up to",
    "     date (validate --require-up-to-date, status --exit-code)",
    "  " + ExitCode.LOCK_TIMEOUT + "  lock timeout: another migrator held the lock too long",
    "  " + ExitCode.MIGRATION_FAILED + "  a migration failed",
    "  " + ExitCode.DATABASE_UNREACHABLE + "  cannot reach the database (URL, host, user, password)",
  };

  private Launcher() {}

  /**
   * Runs {@code strata args...}.
   *
   * @param environment the process environment ({@code STRATA_*} variables)
   * @param system the system properties ({@code strata.*})
   * @return the exit code; see {@link ExitCode}
   */
  public static int run(
      String[] args, PrintStream out, PrintStream err, Map<String, String> environment, Properties system) {
    SecretMask mask = new SecretMask();
    StrataLoader.earlySecrets(args, environment, system).forEach(mask::add);
    Console console =
        new Console(out, err, CommandLineScan.logFormat(args), mask, Clock.systemUTC());
    try {
      return execute(args, console, new StrataLoader(console, mask, environment, system));
    } catch (RuntimeException e) {
      return FailureReport.report(e, console);
    }
  }

  private static int execute(String[] args, Console console, StrataLoader loader) {
    CommandLine cl = new CommandLine(new StrataCommand());
    cl.addSubcommand(new MigrateCommand(console, loader));
    cl.addSubcommand(new PlanCommand(console, loader));
    cl.addSubcommand(new StatusCommand(console, loader));
    cl.addSubcommand(new ValidateCommand(console, loader));
    cl.addSubcommand(new DownCommand(console, loader));
    cl.addSubcommand(new RepairCommand(console, loader));
    cl.addSubcommand(new BaselineCommand(console, loader));
    cl.addSubcommand(new HistoryCommand(console, loader));
    footer(cl);

    // Help and version text are captured, so that under --log-format json they become one object.
    StringWriter help = new StringWriter();
    cl.setOut(new PrintWriter(help, true));
    cl.setErr(new PrintWriter(help, true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((e, ignored) -> usageError(e, console));
    cl.setExecutionExceptionHandler((e, command, parsed) -> FailureReport.report(e, console));

    int exit = cl.execute(args);
    if (!help.toString().isEmpty()) {
      if (console.isJson()) {
        boolean version = cl.getParseResult() != null && cl.getParseResult().isVersionHelpRequested();
        console.result(version ? "version" : "help", help.toString().stripTrailing(), Fields.of());
      } else {
        console.resultText(help.toString().stripTrailing());
      }
    }
    return exit;
  }

  private static void footer(CommandLine cl) {
    cl.getCommandSpec().usageMessage().footer(FOOTER);
    for (CommandLine sub : cl.getSubcommands().values()) {
      // The common options make a full synopsis unreadable; they have a section of their own.
      sub.getCommandSpec().usageMessage().abbreviateSynopsis(true);
      footer(sub);
    }
  }

  private static int usageError(ParameterException e, Console console) {
    // picocli starts some messages with "Error: "; the console adds its own prefix.
    String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
    if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
    }
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    console.error(
        "usage_error",
        message + " (see '" + command + " --help')",
        Fields.of("code", "USAGE").with("exit_code", ExitCode.USAGE));
    return ExitCode.USAGE;
  }
}
