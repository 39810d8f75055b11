package dev.strata.spi;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The scratch database or schema {@code diff} applies the migrations to, made by {@link
 * SchemaInspector#createShadow} on the live database's server and dropped by {@link #drop} when the
 * comparison is done, whether it succeeded or not. For a shadow with a {@link #url()} the engine
 * holds one connection to it open from its creation until just before {@link #drop}, so that an
 * in-memory database lives exactly as long as the comparison.
 */
public interface Shadow {
  /**
   * The JDBC URL to connect to it, without credentials (the engine adds the live connection's);
   * {@code null} when it is a schema reached through the live database's own connections.
   */
  @Nullable String url();

  /** The schema to migrate and inspect in it. */
  String schema();

  /** What it is, for messages: {@code scratch database strata_shadow_4kq2m7}. */
  String description();

  /** Drops it and everything in it, on a connection to the live database. */
  void drop(Connection live) throws SQLException;
}
