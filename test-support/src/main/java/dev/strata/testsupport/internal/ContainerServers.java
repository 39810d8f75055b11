package dev.strata.testsupport.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts the Testcontainers fallbacks; each lives until the JVM exits (Ryuk removes it). */
final class ContainerServers {
  private static final String PASSWORD = "strata";

  private ContainerServers() {}

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static JdbcUrl start(ServerKind kind) {
    if (kind == ServerKind.POSTGRES) {
      PostgreSQLContainer pg =
          new PostgreSQLContainer(DockerImageName.parse(kind.image()))
              .withDatabaseName("test")
              .withUsername("postgres")
              .withPassword(PASSWORD);
      pg.start();
      return url("postgresql", pg.getHost(), pg.getMappedPort(5432), "postgres");
    }
    if (kind == ServerKind.MYSQL8) {
      // root, since every test creates and drops databases of its own; the image makes root@'%'
      // with this password (MYSQL_ROOT_PASSWORD) and no other user.
      MySQLContainer mysql =
          new MySQLContainer(DockerImageName.parse(kind.image()))
              .withDatabaseName("test")
              .withUsername("root")
              .withPassword(PASSWORD);
      mysql.start();
      // MySQL 8.4 authenticates with caching_sha2_password: over a connection without TLS the
      // driver must be allowed to fetch the server's RSA key.
      return JdbcUrl.parse(
          url("mysql", mysql.getHost(), mysql.getMappedPort(3306), "root").raw()
              + "&allowPublicKeyRetrieval=true");
    }
    ConnectorJMariaDbContainer maria = new ConnectorJMariaDbContainer(kind.image());
    maria.withDatabaseName("test").withUsername("root").withPassword(PASSWORD);
    maria.start();
    return url("mysql", maria.getHost(), maria.getMappedPort(3306), "root");
  }

  private static JdbcUrl url(String scheme, String host, int port, String user) {
    return JdbcUrl.parse(
        "jdbc:"
            + scheme
            + "://"
            + host
            + ":"
            + port
            + "/test?user="
            + user
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
  }

  /**
   * MariaDB reached through MySQL Connector/J, the driver the MySQL dialect is tested with; the
   * stock container would look for the MariaDB driver while waiting for the server.
   */
  private static final class ConnectorJMariaDbContainer extends MariaDBContainer {
    ConnectorJMariaDbContainer(String image) {
      super(DockerImageName.parse(image));
    }

    @Override
    public String getDriverClassName() {
      return "com.mysql.cj.jdbc.Driver";
    }

    @Override
    public String getJdbcUrl() {
      return "jdbc:mysql://" + getHost() + ":" + getMappedPort(3306) + "/" + getDatabaseName();
    }
  }
}
