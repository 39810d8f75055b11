package dev.strata.testsupport.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds a server for a {@link ServerKind}: a server run from the binaries jar the kind's system
 * property names (the build's version matrix), else the environment variable, else the conventional
 * local server (for kinds that have one), else a Testcontainers container where Docker answers,
 * else the reason there is none.
 */
public final class ServerResolver {
  private final Function<String, @Nullable String> env;
  private final Function<String, @Nullable String> properties;
  private final ServerProbe probe;

  /**
   * A resolver reading {@code env} and the system {@code properties}, reaching servers through
   * {@code probe}.
   */
  public ServerResolver(
      Function<String, @Nullable String> env,
      Function<String, @Nullable String> properties,
      ServerProbe probe) {
    this.env = env;
    this.properties = properties;
    this.probe = probe;
  }

  /** The resolver tests use: the process environment, system properties and real connections. */
  public static ServerResolver live() {
    return new ServerResolver(System::getenv, System::getProperty, new LiveProbe());
  }

  /**
   * Resolves {@code kind}; never throws, a failure becomes {@link ServerResolution.Unavailable}.
   */
  public ServerResolution resolve(ServerKind kind) {
    String binaries =
        kind.binariesProperty() == null ? null : properties.apply(kind.binariesProperty());
    if (binaries != null && !binaries.isBlank()) {
      return embedded(kind, Path.of(binaries));
    }
    String configured = env.apply(kind.envVar());
    if (configured != null && !configured.isBlank()) {
      return fromEnvironment(kind, configured);
    }
    List<String> tried = new ArrayList<>();
    tried.add(kind.envVar() + " (not set)");

    JdbcUrl local = kind.localUrl();
    if (local != null) {
      String localFailure = localFailure(kind, local);
      if (localFailure == null) {
        return new ServerResolution.Available(
            local, "local server " + local.host() + ":" + local.port());
      }
      tried.add("local server " + local + " (" + localFailure + ")");
    }

    String image = "Testcontainers " + kind.image();
    try {
      if (probe.dockerAvailable()) {
        return new ServerResolution.Available(probe.startContainer(kind), image);
      }
      tried.add(image + " (no Docker engine answers)");
    } catch (RuntimeException | LinkageError e) {
      tried.add(image + " (failed: " + describe(e) + ")");
    }
    String example =
        local != null ? local.toString() : "jdbc:mysql://127.0.0.1:3307/test?user=root";
    return new ServerResolution.Unavailable(
        kind.product()
            + " is not available for tests. Tried: "
            + String.join("; ", tried)
            + ". Set "
            + kind.envVar()
            + " to a JDBC URL with credentials (e.g. "
            + example
            + (local != null
                ? "), start that local server, or start Docker."
                : "), or start Docker.")
            + (kind.optional()
                ? " " + kind.product() + " is optional: skipped even under CI=true."
                : ""));
  }

  /** Asked for by name, so no other server stands in when it fails. */
  private ServerResolution embedded(ServerKind kind, Path jar) {
    String what = "embedded " + kind.product() + " from " + jar.getFileName();
    try {
      return new ServerResolution.Available(probe.startEmbedded(kind, jar), what);
    } catch (Exception e) {
      return new ServerResolution.Unavailable(
          kind.product()
              + " is not available for tests: -D"
              + kind.binariesProperty()
              + "="
              + jar
              + " names the server to run, and it did not start ("
              + describe(e)
              + "). Correct or unset that property.");
    }
  }

  private ServerResolution fromEnvironment(ServerKind kind, String configured) {
    String problem;
    JdbcUrl url = null;
    try {
      url = JdbcUrl.parse(configured);
      problem =
          url.scheme().equals(kind.scheme())
              ? jdbcFailure(kind, url)
              : "expected a jdbc:" + kind.scheme() + ":// URL for the driver on the class path";
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
    }
    if (problem == null && url != null) {
      return new ServerResolution.Available(url, kind.envVar());
    }
    return new ServerResolution.Unavailable(
        kind.product()
            + " is not available for tests: "
            + kind.envVar()
            + "="
            + JdbcUrl.masked(configured)
            + " cannot be used ("
            + problem
            + "). Correct or unset "
            + kind.envVar()
            + ".");
  }

  private @Nullable String localFailure(ServerKind kind, JdbcUrl local) {
    try {
      probe.tcpConnect(local.host(), local.port());
    } catch (Exception e) {
      return "nothing answers on " + local.host() + ":" + local.port() + ": " + describe(e);
    }
    return jdbcFailure(kind, local);
  }

  private @Nullable String jdbcFailure(ServerKind kind, JdbcUrl url) {
    try {
      probe.jdbcConnect(kind, url);
      return null;
    } catch (ServerMismatchException e) {
      return "not usable: " + describe(e);
    } catch (Exception e) {
      return "cannot connect: " + describe(e);
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }
}
