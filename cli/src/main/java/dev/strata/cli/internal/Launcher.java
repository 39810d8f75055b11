package dev.strata.cli.internal;

import dev.strata.cli.ExitCode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
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
    "The CLI's own options read STRATA_* variables too: STRATA_LOG_FORMAT,",
    "STRATA_WAIT_FOR_DATABASE, STRATA_HEARTBEAT, STRATA_OUTPUT, ... (docs/configuration.md).",
    "Without a URL, strata uses a local H2 file database, to try it without a server:",
    "  " + StrataLoader.DEFAULT_URL,
    "Without --source, it reads filesystem:migrations.",
    "",
    "Exit codes:",
    "  " + ExitCode.SUCCESS + "  success",
    "  " + ExitCode.UNEXPECTED + "  unexpected error",
    "  " + ExitCode.USAGE + "  usage error: unknown or missing option, bad value, no --confirm",
    "  "
        + ExitCode.CONFIGURATION
        + "  configuration or bad input: invalid option value, unreadable",
    "     source, bad migration file name or script",
    "  " + ExitCode.VALIDATION + "  validation failure: sources and history disagree, or not up to",
    "     date (validate --require-up-to-date, status --exit-code)",
    "  " + ExitCode.LOCK_TIMEOUT + "  lock timeout: another migrator held the lock too long",
    "  " + ExitCode.MIGRATION_FAILED + "  a migration failed",
    "  "
        + ExitCode.DATABASE_UNREACHABLE
        + "  cannot reach the database (URL, host, user, password)",
    "  " + ExitCode.STOPPED + "  stopped on request (SIGTERM): the running migration was cancelled",
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
      String[] args,
      PrintStream out,
      PrintStream err,
      Map<String, String> environment,
      Properties system) {
    return run(args, out, err, environment, system, new StopRequest());
  }

  /**
   * Runs {@code strata args...}; {@code stop} stops it from another thread (the SIGTERM hook).
   *
   * @return the exit code; see {@link ExitCode}
   */
  public static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Map<String, String> environment,
      Properties system,
      StopRequest stop) {
    SecretMask mask = new SecretMask();
    StrataLoader.earlySecrets(args, environment, system).forEach(mask::add);
    EnvironmentDefaults defaults = new EnvironmentDefaults(environment, system);
    @Nullable String formatVariable = defaults.value(EnvironmentDefaults.LOG_FORMAT);
    Console console =
        new Console(
            out, err, CommandLineScan.logFormat(args, formatVariable), mask, Clock.systemUTC());
    stop.reportTo(console);
    if (CommandLineScan.values(args, "--log-format").isEmpty()
        && CommandLineScan.invalidFormat(formatVariable)) {
      console.error(
          "usage_error",
          "Invalid value for STRATA_LOG_FORMAT (or -Dstrata.logFormat): '"
              + formatVariable
              + "'; use text or json",
          Fields.of("code", "USAGE").with("exit_code", ExitCode.USAGE));
      return ExitCode.USAGE;
    }
    try {
      return execute(
          args, console, new StrataLoader(console, mask, environment, system, stop), defaults);
    } catch (RuntimeException e) {
      return FailureReport.report(e, console);
    }
  }

  /** The command line with every command, parsing and running nothing yet. */
  static CommandLine commandLine(
      Console console, StrataLoader loader, EnvironmentDefaults defaults) {
    CommandLine cl = new CommandLine(new StrataCommand());
    cl.addSubcommand(new MigrateCommand(console, loader));
    cl.addSubcommand(new PlanCommand(console, loader));
    cl.addSubcommand(new StatusCommand(console, loader));
    cl.addSubcommand(new ValidateCommand(console, loader));
    cl.addSubcommand(new DownCommand(console, loader));
    cl.addSubcommand(new RepairCommand(console, loader));
    cl.addSubcommand(new BaselineCommand(console, loader));
    cl.addSubcommand(new HistoryCommand(console, loader));
    cl.addSubcommand(new AwaitCommand(console, loader));
    cl.addSubcommand(new LintCommand(console, loader));
    cl.addSubcommand(new DumpSchemaCommand(console, loader));
    cl.addSubcommand(new DiffCommand(console, loader));
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().userObject() instanceof EngineCommand) {
        CommonOptions.addTo(sub.getCommandSpec());
      }
    }
    footer(cl);
    cl.setDefaultValueProvider(defaults);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  private static int execute(
      String[] args, Console console, StrataLoader loader, EnvironmentDefaults defaults) {
    CommandLine cl = commandLine(console, loader, defaults);

    // Help and version text are captured, so that under --log-format json they become one object.
    StringWriter help = new StringWriter();
    cl.setOut(new PrintWriter(help, true));
    cl.setErr(new PrintWriter(help, true));
    cl.setParameterExceptionHandler((e, ignored) -> usageError(e, console, defaults));
    cl.setExecutionExceptionHandler((e, command, parsed) -> FailureReport.report(e, console));

    int exit = cl.execute(args);
    if (!help.toString().isEmpty()) {
      if (console.isJson()) {
        boolean version =
            cl.getParseResult() != null && cl.getParseResult().isVersionHelpRequested();
        console.result(version ? "version" : "help", help.toString().stripTrailing(), Fields.of());
      } else {
        console.resultText(help.toString().stripTrailing());
      }
    }
    return exit;
  }

  private static boolean matched(CommandLine cl, ArgSpec arg) {
    CommandLine.ParseResult parsed = cl.getParseResult();
    return parsed != null
        && arg.isOption()
        && parsed.hasMatchedOption((CommandLine.Model.OptionSpec) arg);
  }

  private static void footer(CommandLine cl) {
    cl.getCommandSpec().usageMessage().footer(FOOTER);
    for (CommandLine sub : cl.getSubcommands().values()) {
      // The common options make a full synopsis unreadable; they have a section of their own.
      sub.getCommandSpec().usageMessage().abbreviateSynopsis(true);
      footer(sub);
    }
  }

  private static int usageError(
      ParameterException e, Console console, EnvironmentDefaults defaults) {
    // picocli starts some messages with "Error: "; the console adds its own prefix.
    String message =
        e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
    if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
    }
    @Nullable ArgSpec arg = e.getArgSpec();
    @Nullable String source = arg == null ? null : defaults.source(arg);
    if (source != null && !matched(e.getCommandLine(), arg)) {
      message += " (the value comes from " + source + ")";
    }
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    console.error(
        "usage_error",
        message + " (see '" + command + " --help')",
        Fields.of("code", "USAGE").with("exit_code", ExitCode.USAGE));
    return ExitCode.USAGE;
  }
}
