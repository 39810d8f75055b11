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
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)(password|pwd)=[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):([^/@]*)@");

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

  /** {@code text} with this data source's password, and any password in a URL, masked. */
  public String maskSecrets(String text) {
    String masked = mask(text);
    return password == null || password.isEmpty() ? masked : masked.replace(password, "***");
  }

  /** {@code url} with any password replaced by {@code ***}, for messages and logs. */
  public static String mask(String url) {
    String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1=***");
    return USER_INFO.matcher(masked).replaceAll("//$1:***@");
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
