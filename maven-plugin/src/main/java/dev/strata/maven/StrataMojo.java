package dev.strata.maven;

import dev.strata.api.ConfigurationException;
import dev.strata.api.StrataException;
import dev.strata.core.Strata;
import dev.strata.core.StrataOption;
import dev.strata.core.StrataProperties;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.jspecify.annotations.Nullable;

/**
 * A goal that runs the engine against a database. Its parameters are the engine's options ({@link
 * StrataOption}), each named by the option's key and set by the user property {@code strata.<key>};
 * none repeats the engine's default, so an unset parameter means what it means everywhere else. The
 * values reach the engine as a {@code strata.*} properties map, which the engine parses, so a bad
 * value is reported exactly as by the CLI or the starter.
 */
abstract class StrataMojo extends AbstractMojo {
  /** The database, as a JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/app}. */
  @Parameter(property = "strata.url")
  @Nullable String url;

  /** The database user; defaults to the {@code <server>}'s username with {@code serverId}. */
  @Parameter(property = "strata.user")
  @Nullable String user;

  /** The database password; prefer {@code passwordFile} or {@code serverId}. */
  @Parameter(property = "strata.password")
  @Nullable String password;

  /** A file holding the password, e.g. a mounted secret; replaces the password. */
  @Parameter(property = "strata.passwordFile")
  @Nullable File passwordFile;

  /**
   * The id of a {@code <server>} in {@code settings.xml} whose username and password (decrypted
   * when encrypted) are the database credentials, unless {@code user} or a password is given.
   */
  @Parameter(property = "strata.serverId")
  @Nullable String serverId;

  /**
   * Where migrations are, e.g. {@code filesystem:src/main/resources/db/migration}, {@code
   * classpath:db/migration} (the project's classes and runtime dependencies), {@code
   * goose:db/migrations}. Default: the project's own {@code src/main/resources/db/migration}, as a
   * filesystem location.
   */
  @Parameter(property = "strata.sources")
  @Nullable List<String> sources;

  /** The schema of the history table and of unqualified names; default: the connection's. */
  @Parameter(property = "strata.schema")
  @Nullable String schema;

  /** The history table; default {@code strata_schema_history}. */
  @Parameter(property = "strata.table")
  @Nullable String table;

  /** How long to wait for the migration lock another migrator holds; default {@code 5m}. */
  @Parameter(property = "strata.lockTimeout")
  @Nullable String lockTimeout;

  /** {@code database} or {@code lease} (behind a pooler in transaction mode). */
  @Parameter(property = "strata.lockMode")
  @Nullable String lockMode;

  /** How long a lease lasts without renewal (lease lock mode); default {@code 60s}. */
  @Parameter(property = "strata.leaseTimeToLive")
  @Nullable String leaseTimeToLive;

  /** How long one migration statement may wait for a table lock; default: the dialect's. */
  @Parameter(property = "strata.ddlLockTimeout")
  @Nullable String ddlLockTimeout;

  /** How long one migration statement may run; default: the server's setting. */
  @Parameter(property = "strata.statementTimeout")
  @Nullable String statementTimeout;

  /** The version to migrate up to; default {@code latest}. */
  @Parameter(property = "strata.target")
  @Nullable String target;

  /** {@code true}: apply pending migrations older than the newest applied one. */
  @Parameter(property = "strata.outOfOrder")
  @Nullable String outOfOrder;

  /** {@code expand} or {@code contract}: apply only one phase; default: every migration. */
  @Parameter(property = "strata.phase")
  @Nullable String phase;

  /** {@code info}, {@code warning} or {@code error}: lint pending migrations before migrating. */
  @Parameter(property = "strata.lintGate")
  @Nullable String lintGate;

  /** Globs of {@code .sql} files to leave out, e.g. {@code *.go.sql}, {@code legacy/**}. */
  @Parameter(property = "strata.ignore")
  @Nullable List<String> ignore;

  /** Force a dialect ({@code h2}, {@code postgresql}, {@code mysql}, …); default: detected. */
  @Parameter(property = "strata.dialect")
  @Nullable String dialect;

  /** The release label the history rows of this run record, e.g. {@code ${project.version}}. */
  @Parameter(property = "strata.release")
  @Nullable String release;

  /** A properties file of {@code strata.*} options, below every parameter; never implicit. */
  @Parameter(property = "strata.config")
  @Nullable File config;

  /** Skip the goal. */
  @Parameter(property = "strata.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  @Nullable MavenProject project;

  @Parameter(defaultValue = "${settings}", readonly = true)
  @Nullable Settings settings;

  @Inject @Nullable SettingsDecrypter decrypter;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping strata (strata.skip)");
      return;
    }
    checkParameters();
    Map<String, String> properties = engineProperties();
    try (URLClassLoader loader = projectClassLoader()) {
      Strata strata =
          Strata.configure()
              .properties(properties)
              .classLoader(loader)
              .listener(new EventLog(getLog()))
              .load();
      run(strata);
    } catch (ConfigurationException e) {
      // Maven's conventions: configuration the goal cannot run with is an error (BUILD ERROR);
      // what the migrations or the database say is a failure (BUILD FAILURE), as a compilation
      // error is. Either way the message is the engine's (file, line or option, and what to do;
      // passwords masked), and Maven shows no stack trace unless -e.
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (StrataException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot close the project's class loader: " + e, e);
    }
  }

  /** Refuses the goal's own parameters before anything connects. */
  void checkParameters() throws MojoExecutionException {}

  /** Runs the goal; engine failures propagate as {@link StrataException}s. */
  abstract void run(Strata strata) throws MojoFailureException;

  /**
   * The {@code strata.*} options for the engine: the {@code config} file's, overlaid by every
   * parameter that is set, with the credentials of {@code serverId} where none are given.
   */
  Map<String, String> engineProperties() throws MojoExecutionException {
    if (password != null && passwordFile != null) {
      throw new MojoExecutionException(
          "Give <password> or <passwordFile> (strata.password, strata.passwordFile), not both");
    }
    Map<String, String> given = new LinkedHashMap<>();
    put(given, StrataOption.URL, url);
    put(given, StrataOption.USER, user);
    put(given, StrataOption.PASSWORD, password);
    put(given, StrataOption.PASSWORD_FILE, passwordFile == null ? null : passwordFile.getPath());
    put(given, StrataOption.SOURCES, list(sources));
    put(given, StrataOption.SCHEMA, schema);
    put(given, StrataOption.TABLE, table);
    put(given, StrataOption.LOCK_TIMEOUT, lockTimeout);
    put(given, StrataOption.LOCK_MODE, lockMode);
    put(given, StrataOption.LEASE_TIME_TO_LIVE, leaseTimeToLive);
    put(given, StrataOption.DDL_LOCK_TIMEOUT, ddlLockTimeout);
    put(given, StrataOption.STATEMENT_TIMEOUT, statementTimeout);
    put(given, StrataOption.TARGET, target);
    put(given, StrataOption.OUT_OF_ORDER, outOfOrder);
    put(given, StrataOption.PHASE, phase);
    put(given, StrataOption.LINT_GATE, lintGate);
    put(given, StrataOption.IGNORE, list(ignore));
    put(given, StrataOption.DIALECT, dialect);
    put(given, StrataOption.RELEASE, release);
    addServerCredentials(given);
    Map<String, String> merged;
    try {
      // Only the named file: the build's environment and system properties are not read, since
      // Maven's own -Dstrata.* user properties already set the parameters.
      merged =
          StrataProperties.overlay(
              StrataProperties.load(
                  config == null ? null : config.toPath(), Map.of(), new Properties()),
              given);
    } catch (StrataException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    String sourcesKey = StrataOption.SOURCES.property();
    if (!merged.containsKey(sourcesKey)) {
      merged.put(sourcesKey, "filesystem:" + defaultLocation());
    }
    String found = merged.get(StrataOption.URL.property());
    if (found == null || found.isBlank()) {
      throw new MojoExecutionException(
          "No database configured: set <url> in the plugin's <configuration>, or -Dstrata.url=JDBC_URL");
    }
    return merged;
  }

  private static void put(Map<String, String> into, StrataOption option, @Nullable String value) {
    if (value != null) {
      into.put(option.property(), value);
    }
  }

  /** A list as the engine reads it; Maven gives an unset list parameter as an empty list. */
  private static @Nullable String list(@Nullable List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  private String defaultLocation() {
    File basedir = project == null ? new File(".") : project.getBasedir();
    return new File(basedir, "src/main/resources/db/migration").getPath();
  }

  private void addServerCredentials(Map<String, String> given) throws MojoExecutionException {
    if (serverId == null) {
      return;
    }
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null) {
      throw new MojoExecutionException(
          "No <server> with the id '"
              + serverId
              + "' in settings.xml (serverId, strata.serverId): add one with the database's"
              + " <username> and <password>, or set <user> and <password> instead");
    }
    if (decrypter != null) {
      SettingsDecryptionResult result =
          decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : result.getProblems()) {
        if (problem.getSeverity().ordinal() <= SettingsProblem.Severity.ERROR.ordinal()) {
          throw new MojoExecutionException(
              "Cannot decrypt the password of <server> '"
                  + serverId
                  + "' in settings.xml: "
                  + problem.getMessage());
        }
      }
      server = result.getServer();
    }
    if (user == null && server.getUsername() != null) {
      given.put(StrataOption.USER.property(), server.getUsername());
    }
    if (password == null && passwordFile == null && server.getPassword() != null) {
      given.put(StrataOption.PASSWORD.property(), server.getPassword());
    }
  }

  /**
   * The project's classes and runtime dependencies, over the plugin's own loader (dialects,
   * sources, the JDBC drivers of the plugin's dependencies): {@code classpath:} locations and Java
   * migrations are found there, and a driver among the project's dependencies works too.
   */
  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    if (project != null) {
      try {
        for (String element : project.getRuntimeClasspathElements()) {
          urls.add(new File(element).toURI().toURL());
        }
      } catch (DependencyResolutionRequiredException | MalformedURLException e) {
        throw new MojoExecutionException("Cannot read the project's runtime classpath: " + e, e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }
}
