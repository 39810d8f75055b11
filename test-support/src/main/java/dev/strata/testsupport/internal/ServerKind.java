package dev.strata.testsupport.internal;

import java.util.Properties;

/** The database families tests provision, with where each is looked for. */
public enum ServerKind {
  POSTGRES(
      "PostgreSQL",
      "postgresql",
      "STRATA_TEST_POSTGRES_URL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
      "postgres:15"),
  MYSQL(
      "MySQL",
      "mysql",
      "STRATA_TEST_MYSQL_URL",
      "jdbc:mysql://127.0.0.1:3306/test?user=root",
      "mariadb:10.11");

  private final String product;
  private final String scheme;
  private final String envVar;
  private final String localUrl;
  private final String image;

  ServerKind(String product, String scheme, String envVar, String localUrl, String image) {
    this.product = product;
    this.scheme = scheme;
    this.envVar = envVar;
    this.localUrl = localUrl;
    this.image = image;
  }

  /** The name people use: {@code PostgreSQL}, {@code MySQL}. */
  public String product() {
    return product;
  }

  /** The JDBC scheme the driver on the class path accepts. */
  public String scheme() {
    return scheme;
  }

  /** The environment variable that names the server explicitly. */
  public String envVar() {
    return envVar;
  }

  /** The conventional local server, probed when {@link #envVar()} is unset. */
  public JdbcUrl localUrl() {
    return JdbcUrl.parse(localUrl);
  }

  /** The Docker image Testcontainers starts. */
  public String image() {
    return image;
  }

  /**
   * Driver properties bounding how long our own connections wait, so a probe of a dead server costs
   * seconds, not minutes; parameters in the URL still win.
   */
  public Properties connectTimeouts() {
    Properties props = new Properties();
    if (this == POSTGRES) {
      props.setProperty("connectTimeout", "3");
      props.setProperty("loginTimeout", "5");
    } else {
      props.setProperty("connectTimeout", "3000");
    }
    return props;
  }
}
