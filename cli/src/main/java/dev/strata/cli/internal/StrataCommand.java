package dev.strata.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code strata}: the top-level command; it only holds the subcommands. */
@Command(
    name = "strata",
    versionProvider = StrataCommand.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Strata migrates a database: it applies versioned SQL scripts once, in order, and records"
          + " them in a history table. Options go after the command, e.g."
          + " 'strata migrate --url jdbc:postgresql://db/app --source filesystem:/migrations'."
    })
final class StrataCommand implements Runnable {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print the version and exit.")
  boolean version;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing a command: give one of " + String.join(", ", spec.subcommands().keySet()));
  }

  /** {@code strata 0.1.0 (engine 0.1.0, Java 17.0.15)}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "strata "
            + read(StrataCommand.class, "version.properties")
            + " (engine "
            + read(dev.strata.core.Strata.class, "strata.properties")
            + ", Java "
            + System.getProperty("java.version")
            + ")"
      };
    }

    private static String read(Class<?> owner, String resource) {
      Properties p = new Properties();
      try (InputStream in = owner.getResourceAsStream(resource)) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // The version is informational.
      }
      return p.getProperty("version", "unknown");
    }
  }
}
