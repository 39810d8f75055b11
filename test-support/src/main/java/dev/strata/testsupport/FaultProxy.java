package dev.strata.testsupport;

import dev.strata.testsupport.internal.JdbcUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 between a client and a server, which a test makes misbehave as networks
 * do: it passes bytes on (optionally after a {@linkplain #delay delay}), {@linkplain #cutAll cuts}
 * connections (closes both sides, now or once a connection has carried a chosen number of bytes) or
 * {@linkplain #blackhole blackholes} them: it stops forwarding in both directions and closes
 * nothing, as a partitioned network or a powered-off node looks to both ends. Point the client at
 * {@link #port()} instead of the server's port ({@link #jdbcUrl}).
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(5432)) {
 *   String url = proxy.jdbcUrl(db.jdbcUrl());
 *   ... start a migration through url ...
 *   proxy.blackhole();
 * }
 * }</pre>
 *
 * <p>A blackhole holds what it reads and stops reading, so the sender's buffers fill as behind a
 * dead link; {@link #pass()} delivers what was held. Both ends' kernels are still on loopback,
 * though: TCP keepalive probes are answered by the proxy's own sockets, so only timeouts kept by
 * the applications (the client's, the server's session timeouts) notice a blackhole here.
 *
 * <p>Thread-safe; {@link #close()} closes every connection and the listening socket.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int CHUNK = 8192;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final Object modeLock = new Object();
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean blackholed;
  private volatile long cutAfterBytes = Long.MAX_VALUE;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong accepts = new AtomicLong();

  private FaultProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  /** Starts a proxy on a free loopback port forwarding to {@code 127.0.0.1:targetPort}. */
  public static FaultProxy start(int targetPort) {
    try {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      ServerSocket listener = new ServerSocket(0, 50, loopback);
      FaultProxy proxy = new FaultProxy(listener, new InetSocketAddress(loopback, targetPort));
      Thread acceptor =
          new Thread(proxy::acceptLoop, "fault-proxy-accept-" + listener.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the fault proxy", e);
    }
  }

  /**
   * Starts a proxy in front of {@code db}'s server; {@link #jdbcUrl(IsolatedDatabase)} reaches the
   * database through it.
   */
  public static FaultProxy inFrontOf(IsolatedDatabase db) {
    return start(JdbcUrl.parse(db.jdbcUrl()).port());
  }

  /** {@code db}'s URL, reaching it through this proxy. */
  public String jdbcUrl(IsolatedDatabase db) {
    return jdbcUrl(db.jdbcUrl());
  }

  /** The loopback port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * {@code jdbcUrl} with its first {@code host:port} replaced by this proxy's; everything else
   * (database, credentials, parameters) kept as written.
   */
  public String jdbcUrl(String jdbcUrl) {
    int start = jdbcUrl.indexOf("://") + 3;
    int at = jdbcUrl.indexOf('@', start);
    int end = start;
    while (end < jdbcUrl.length() && "/?,".indexOf(jdbcUrl.charAt(end)) < 0) {
      end++;
    }
    if (at >= 0 && at < end) {
      start = at + 1;
    }
    return jdbcUrl.substring(0, start) + "127.0.0.1:" + port() + jdbcUrl.substring(end);
  }

  /**
   * Forwards every byte at once from now on, delivering what a blackhole held; no connection is cut
   * after a number of bytes any more.
   */
  public void pass() {
    synchronized (modeLock) {
      delay = Duration.ZERO;
      blackholed = false;
      cutAfterBytes = Long.MAX_VALUE;
      links.forEach(link -> link.cutAt.set(Long.MAX_VALUE));
      modeLock.notifyAll();
    }
  }

  /** Holds each chunk read for {@code wait} before forwarding it. */
  public void delay(Duration wait) {
    delay = wait;
  }

  /** Stops forwarding in both directions on every connection, old and new; closes nothing. */
  public void blackhole() {
    blackholed = true;
  }

  /** Closes both sides of every open connection now; new connections pass. */
  public void cutAll() {
    links.forEach(Link::cut);
  }

  /**
   * Cuts each connection, open or new, once it has carried {@code bytes} more bytes (both
   * directions counted): the bytes before pass, the rest never arrive.
   */
  public void cutAfter(long bytes) {
    for (Link link : links) {
      link.cutAt.set(link.carried.get() + bytes);
    }
    cutAfterBytes = bytes;
  }

  /** The connections open now, oldest first. */
  public List<Link> links() {
    return links.stream().filter(link -> !link.isCut()).toList();
  }

  /** How many connections the proxy accepted so far. */
  public int accepted() {
    return accepts.intValue();
  }

  private void acceptLoop() {
    while (!closed.get()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        try {
          server.connect(target, 5_000);
        } catch (IOException e) {
          client.close();
          continue;
        }
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        Link link = new Link(client, server, cutAfterBytes);
        accepts.incrementAndGet();
        links.add(link);
        link.start();
      } catch (IOException e) {
        if (!closed.get()) {
          // The listener failed for another reason than close(): nothing more can be accepted.
          return;
        }
      }
    }
  }

  /** Waits while the proxy blackholes; returns whether the link was cut meanwhile. */
  private boolean awaitForwarding(Link link) throws InterruptedException {
    synchronized (modeLock) {
      while (blackholed && !link.isCut()) {
        modeLock.wait(100);
      }
    }
    return link.isCut();
  }

  /** Closes the listener and every connection. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    links.forEach(Link::cut);
    synchronized (modeLock) {
      modeLock.notifyAll();
    }
  }

  /** One proxied connection: the client's socket and the proxy's socket to the server. */
  public final class Link {
    private final Socket client;
    private final Socket server;
    private final AtomicLong carried = new AtomicLong();
    private final AtomicLong cutAt;
    private final AtomicBoolean cut = new AtomicBoolean();

    private Link(Socket client, Socket server, long cutAfter) {
      this.client = client;
      this.server = server;
      this.cutAt = new AtomicLong(cutAfter);
    }

    /**
     * The local port of the proxy's connection to the server, which the server reports as the
     * client's ({@code pg_stat_activity.client_port}, the port in {@code
     * information_schema.processlist.host}).
     */
    public int serverSidePort() {
      return server.getLocalPort();
    }

    /** How many bytes this connection carried, both directions. */
    public long carried() {
      return carried.get();
    }

    /** Closes both sides now. */
    public void cut() {
      if (cut.compareAndSet(false, true)) {
        closeQuietly(client);
        closeQuietly(server);
        links.remove(this);
      }
    }

    boolean isCut() {
      return cut.get();
    }

    private void start() {
      pump(client, server, "up");
      pump(server, client, "down");
    }

    private void pump(Socket from, Socket to, String direction) {
      Thread t =
          new Thread(
              () -> {
                byte[] buffer = new byte[CHUNK];
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  while (!isCut()) {
                    if (awaitForwarding(this)) {
                      return;
                    }
                    int n = in.read(buffer);
                    if (n < 0) {
                      return;
                    }
                    Duration wait = delay;
                    if (!wait.isZero()) {
                      Thread.sleep(wait.toMillis());
                    }
                    // A blackhole that began while this chunk was read holds it.
                    if (awaitForwarding(this)) {
                      return;
                    }
                    long before = carried.getAndAdd(n);
                    long allowed = cutAt.get() - before;
                    if (allowed < n) {
                      if (allowed > 0) {
                        out.write(buffer, 0, (int) allowed);
                        out.flush();
                      }
                      return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                  }
                } catch (SocketException e) {
                  // the other side or a cut closed the socket
                } catch (IOException e) {
                  // the connection broke; end both sides as a network would
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  cut();
                }
              },
              "fault-proxy-" + direction + "-" + serverSidePortOrZero());
      t.setDaemon(true);
      t.start();
    }

    private int serverSidePortOrZero() {
      return server.isBound() ? server.getLocalPort() : 0;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
