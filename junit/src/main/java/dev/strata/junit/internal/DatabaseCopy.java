package dev.strata.junit.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One test's database: a copy of a template, reachable by {@link #url()} (credentials included) or
 * {@link #dataSource()}, dropped by {@link #close()} (once; later calls do nothing). Thread-safe.
 */
public final class DatabaseCopy implements AutoCloseable {
  /** Drops a copy. */
  @FunctionalInterface
  interface Dropper {
    void drop() throws Exception;
  }

  private final String url;
  private final Dropper dropper;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final DataSource dataSource;

  DatabaseCopy(String url, Dropper dropper) {
    this.url = url;
    this.dropper = dropper;
    this.dataSource = new UrlDataSource(url);
  }

  /** The JDBC URL of the copy, credentials included. */
  public String url() {
    return url;
  }

  /** Connections to the copy, each opened by {@link DriverManager}. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Drops the copy. */
  @Override
  public void close() throws Exception {
    if (closed.compareAndSet(false, true)) {
      dropper.drop();
    }
  }

  @Override
  public String toString() {
    return url;
  }

  /** A DataSource that opens a new connection to one URL each time. */
  private static final class UrlDataSource implements DataSource {
    private final String url;
    private @org.jspecify.annotations.Nullable PrintWriter logWriter;
    private int loginTimeout;

    UrlDataSource(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public @org.jspecify.annotations.Nullable PrintWriter getLogWriter() {
      return logWriter;
    }

    @Override
    public void setLogWriter(@org.jspecify.annotations.Nullable PrintWriter out) {
      this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
      this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
      return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return type.isInstance(this);
    }

    @Override
    public String toString() {
      return "DataSource(" + url + ")";
    }
  }
}
