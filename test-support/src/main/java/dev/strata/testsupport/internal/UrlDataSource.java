package dev.strata.testsupport.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** A {@link DataSource} opening a new {@link DriverManager} connection per call; no pool. */
public final class UrlDataSource implements DataSource {
  private final JdbcUrl url;
  private volatile int loginTimeoutSeconds;

  /** A data source for {@code url}, whose credentials {@link #getConnection()} uses. */
  public UrlDataSource(JdbcUrl url) {
    this.url = url;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(url.user(), url.password());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Properties props = new Properties();
    if (!username.isEmpty()) {
      props.setProperty("user", username);
    }
    props.setProperty("password", password);
    if (loginTimeoutSeconds > 0) {
      // Per connection: DriverManager.setLoginTimeout would change it for every caller.
      if (url.scheme().equals("postgresql")) {
        props.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
      } else {
        props.setProperty("connectTimeout", Integer.toString(loginTimeoutSeconds * 1000));
      }
    }
    return DriverManager.getConnection(url.withoutCredentials().raw(), props);
  }

  @Override
  public @Nullable PrintWriter getLogWriter() {
    return DriverManager.getLogWriter();
  }

  @Override
  public void setLogWriter(@Nullable PrintWriter out) {
    DriverManager.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("UrlDataSource does not use java.util.logging");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("UrlDataSource does not wrap a " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "UrlDataSource[" + url + "]";
  }
}
