package dev.strata.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool as small as a test needs: a connection closed by its borrower goes back to the pool and is
 * handed out again as it is, server session and all, as HikariCP does. Tests use it to see what a
 * pooled connection keeps after Strata is done with it (an application's pool gets it next). {@link
 * #close()} closes the real connections.
 */
public final class ReusingDataSource implements DataSource, AutoCloseable {
  private final IsolatedDatabase db;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final List<Connection> all = new ArrayList<>();

  public ReusingDataSource(IsolatedDatabase db) {
    this.db = db;
  }

  /** Every real connection opened so far, borrowed or idle. */
  public synchronized List<Connection> connections() {
    return List.copyOf(all);
  }

  @Override
  public synchronized Connection getConnection() throws SQLException {
    Connection real = idle.isEmpty() ? open() : idle.pop();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new java.lang.reflect.InvocationHandler() {
              private boolean returned;

              @Override
              public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args)
                  throws Throwable {
                switch (method.getName()) {
                  case "close" -> {
                    synchronized (ReusingDataSource.this) {
                      if (!returned) {
                        returned = true;
                        if (!real.getAutoCommit()) {
                          real.rollback();
                          real.setAutoCommit(true);
                        }
                        idle.push(real);
                      }
                    }
                    return null;
                  }
                  case "isClosed" -> {
                    return returned || real.isClosed();
                  }
                  default -> {
                    try {
                      return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  }
                }
              }
            });
  }

  private Connection open() throws SQLException {
    Connection c = db.connect();
    all.add(c);
    return c;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public synchronized void close() throws SQLException {
    for (Connection c : all) {
      c.close();
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
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
