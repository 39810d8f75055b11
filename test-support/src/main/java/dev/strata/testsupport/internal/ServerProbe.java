package dev.strata.testsupport.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** How {@link ServerResolver} reaches the outside world; unit tests pass a fake. */
public interface ServerProbe {
  /** Opens and closes a TCP connection to {@code host:port} within a short timeout. */
  void tcpConnect(String host, int port) throws IOException;

  /**
   * Opens and closes a JDBC connection to {@code url}.
   *
   * @throws ServerMismatchException when the server answers but is not of {@code kind} ({@link
   *     ServerKind#mismatch})
   */
  void jdbcConnect(ServerKind kind, JdbcUrl url) throws SQLException;

  /** Whether Testcontainers finds a Docker engine that answers. */
  boolean dockerAvailable();

  /**
   * Starts a container of {@code kind} kept for the JVM's life; returns its URL with credentials.
   */
  JdbcUrl startContainer(ServerKind kind);

  /**
   * Starts a server of {@code kind} from the binaries in {@code jar}, kept for the JVM's life (one
   * per jar); returns its URL with credentials.
   */
  JdbcUrl startEmbedded(ServerKind kind, Path jar) throws Exception;
}
