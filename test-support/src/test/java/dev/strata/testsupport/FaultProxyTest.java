package dev.strata.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy between a client and an echo server on loopback. */
@Timeout(30)
class FaultProxyTest {
  private ServerSocket echo;
  private FaultProxy proxy;

  @BeforeEach
  void startEchoServerAndProxy() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread server =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket s = echo.accept();
                  Thread t = new Thread(() -> echoAll(s));
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    server.setDaemon(true);
    server.start();
    proxy = FaultProxy.start(echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void passesBytesBothWays() throws IOException {
    try (Socket s = connect()) {
      send(s, "hello");
      assertThat(receive(s, 5)).isEqualTo("hello");
      assertThat(proxy.links()).hasSize(1);
      assertThat(proxy.links().get(0).carried()).isEqualTo(10);
    }
  }

  @Test
  void aDelayedProxyStillDeliversEverything() throws IOException {
    proxy.delay(Duration.ofMillis(200));
    try (Socket s = connect()) {
      send(s, "slow");
      assertThat(receive(s, 4)).isEqualTo("slow");
    }
  }

  @Test
  void aBlackholeClosesNothingAndDeliversNothingUntilItPasses() throws IOException {
    try (Socket s = connect()) {
      send(s, "a");
      assertThat(receive(s, 1)).isEqualTo("a");
      proxy.blackhole();
      send(s, "held");
      s.setSoTimeout(500);
      assertThatThrownBy(() -> s.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(proxy.links()).hasSize(1);

      proxy.pass();
      s.setSoTimeout(5_000);
      assertThat(receive(s, 4)).isEqualTo("held");
    }
  }

  @Test
  void aBlackholeHoldsNewConnectionsToo() throws IOException {
    proxy.blackhole();
    try (Socket s = connect()) {
      send(s, "x");
      s.setSoTimeout(500);
      assertThatThrownBy(() -> s.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void aCutClosesTheClientsSideAndNewConnectionsPass() throws IOException {
    try (Socket s = connect()) {
      send(s, "a");
      assertThat(receive(s, 1)).isEqualTo("a");
      proxy.cutAll();
      s.setSoTimeout(5_000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
      assertThat(proxy.links()).isEmpty();
    }
    try (Socket s = connect()) {
      send(s, "b");
      assertThat(receive(s, 1)).isEqualTo("b");
    }
  }

  @Test
  void aCutAfterSomeBytesDeliversThoseAndClosesAtThatByte() throws IOException {
    proxy.cutAfter(7); // "abcdef" up (6), then one byte back down
    try (Socket s = connect()) {
      s.setSoTimeout(5_000);
      send(s, "abcdef");
      InputStream in = s.getInputStream();
      assertThat(in.read()).isEqualTo('a');
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(proxy.accepted()).isEqualTo(1);
  }

  @Test
  void rewritesTheHostAndPortOfAJdbcUrl() {
    int port = proxy.port();
    assertThat(proxy.jdbcUrl("jdbc:postgresql://localhost:5432/test?user=postgres"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/test?user=postgres");
    assertThat(proxy.jdbcUrl("jdbc:mariadb://root:pw@db/test"))
        .isEqualTo("jdbc:mariadb://root:pw@127.0.0.1:" + port + "/test");
  }

  private Socket connect() throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String receive(Socket s, int bytes) throws IOException {
    s.setSoTimeout(5_000);
    byte[] read = s.getInputStream().readNBytes(bytes);
    return new String(read, StandardCharsets.UTF_8);
  }

  private static void echoAll(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // the proxy cut the connection
    }
  }
}
