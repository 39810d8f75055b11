package dev.strata.testsupport.internal;

/** What {@link ServerResolver} found for one {@link ServerKind}: a server, or why there is none. */
public sealed interface ServerResolution {
  /** A server that accepted a connection; {@code source} says where it came from. */
  record Available(JdbcUrl url, String source) implements ServerResolution {}

  /** No server; {@code reason} lists what was tried and what to do. */
  record Unavailable(String reason) implements ServerResolution {}
}
