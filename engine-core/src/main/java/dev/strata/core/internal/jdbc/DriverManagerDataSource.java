package dev.strata.core.internal.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** A DataSource that opens a new connection per call: Strata needs two at most. */
public final class DriverManagerDataSource implements DataSource {
  // Masks to the end of the parameter list or the next '&': a password may contain ';' (which
  // some drivers accept unescaped), and masking too much is harmless.
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|pwd)=[^&]*");
  // user:password@host, the password up to the LAST '@' before the path: it may contain '@'.
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/]*@");
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//[^/:@]*:([^/]*)@");
  private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)(?:password|pwd)=([^&]*)");

  private final String url;
  private final @Nullable String user;
  private final @Nullable String password;
  private final ClassLoader classLoader;

  public DriverManagerDataSource(
      String url, @Nullable String user, @Nullable String password, ClassLoader classLoader) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.classLoader = classLoader;
  }

  /** A data source for another URL with this one's credentials (a shadow database of diff). */
  public DriverManagerDataSource withUrl(String otherUrl) {
    return new DriverManagerDataSource(otherUrl, user, password, classLoader);
  }

  /**
   * {@code text} with this data source's password masked, whether it was given apart or inside the
   * URL (drivers quote parts of a malformed URL in their messages), and any password in a URL.
   */
  public String maskSecrets(String text) {
    String masked = text;
    for (String secret : secrets()) {
      masked = masked.replace(secret, "***");
    }
    return mask(masked);
  }

  private java.util.List<String> secrets() {
    java.util.List<String> secrets = new java.util.ArrayList<>();
    if (password != null && !password.isEmpty()) {
      secrets.add(password);
    }
    var inUserInfo = USER_INFO_PASSWORD.matcher(url);
    if (inUserInfo.find() && !inUserInfo.group(1).isEmpty()) {
      secrets.add(inUserInfo.group(1));
    }
    var inParameter = PASSWORD_VALUE.matcher(url);
    while (inParameter.find()) {
      if (!inParameter.group(1).isEmpty()) {
        secrets.add(inParameter.group(1));
      }
    }
    return secrets;
  }

  /** {@code url} with any password replaced by {@code ***}, for messages and logs. */
  public static String mask(String url) {
    String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1=***");
    return USER_INFO.matcher(masked).replaceAll("$1***@");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(@Nullable String username, @Nullable String pass)
      throws SQLException {
    Properties info = new Properties();
    if (username != null) {
      info.setProperty("user", username);
    }
    if (pass != null) {
      info.setProperty("password", pass);
    }
    // DriverManager only sees drivers of the caller's loader; look in ours too (fat jars, plugins).
    for (Driver driver : ServiceLoader.load(Driver.class, classLoader)) {
      if (driver.acceptsURL(url)) {
        Connection c = driver.connect(url, info);
        if (c != null) {
          return c;
        }
      }
    }
    return DriverManager.getConnection(url, info);
  }

  @Override
  public PrintWriter getLogWriter() {
    return new PrintWriter(System.err);
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
