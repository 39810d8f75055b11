package dev.strata.testsupport.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** The real {@link ServerProbe}: sockets, JDBC drivers and Testcontainers. */
public final class LiveProbe implements ServerProbe {
  /** Long enough for a local server, short enough that a missing one costs nothing. */
  private static final int TCP_TIMEOUT_MILLIS = 300;

  @Override
  public void tcpConnect(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TCP_TIMEOUT_MILLIS);
    }
  }

  @Override
  public void jdbcConnect(ServerKind kind, JdbcUrl url) throws SQLException {
    try (Connection c = DatabaseAdmin.connect(kind, url)) {
      if (!c.isValid(5)) {
        throw new SQLException("the connection opened but is not valid");
      }
      DatabaseMetaData meta = c.getMetaData();
      String mismatch =
          kind.mismatch(
              meta.getDatabaseProductName(),
              meta.getDatabaseProductVersion(),
              meta.getDatabaseMajorVersion());
      if (mismatch != null) {
        throw new ServerMismatchException(mismatch);
      }
    }
  }

  @Override
  public boolean dockerAvailable() {
    // Kept in its own class so Testcontainers is loaded only when this step is reached.
    return ContainerServers.dockerAvailable();
  }

  @Override
  public JdbcUrl startContainer(ServerKind kind) {
    return ContainerServers.start(kind);
  }

  @Override
  public JdbcUrl startEmbedded(ServerKind kind, Path jar) throws Exception {
    return EmbeddedServers.start(kind, jar);
  }
}
