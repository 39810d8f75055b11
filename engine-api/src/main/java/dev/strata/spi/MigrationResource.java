package dev.strata.spi;

import dev.strata.api.Direction;
import dev.strata.api.MigrationId;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One migration script a source found: what it is, where it came from, and how to read it. Its
 * content is read only when the engine needs it.
 */
public final class MigrationResource {
  /** Reads a script's bytes; called at most once per command. */
  @FunctionalInterface
  public interface Content {
    byte[] read() throws IOException;
  }

  private final MigrationId id;
  private final Direction direction;
  private final @Nullable String dialectTag;
  private final boolean autocommit;
  private final String origin;
  private final Content content;
  private final @Nullable ScriptSplitter splitter;

  /**
   * @param id version and description
   * @param direction up or down script
   * @param dialectTag the dialect the file is written for ({@code postgres} in {@code
   *     1_x.postgres.up.sql}), {@code null} for every dialect
   * @param autocommit whether the file asks to run outside a transaction ({@code .autocommit.})
   * @param origin the file, as users should see it in messages
   * @param content reads the script
   */
  public MigrationResource(
      MigrationId id,
      Direction direction,
      @Nullable String dialectTag,
      boolean autocommit,
      String origin,
      Content content) {
    this(id, direction, dialectTag, autocommit, origin, content, null);
  }

  /**
   * A resource whose statements are split by its format's own rules.
   *
   * @param splitter splits the script; {@code null} lets the dialect's parser split it
   */
  public MigrationResource(
      MigrationId id,
      Direction direction,
      @Nullable String dialectTag,
      boolean autocommit,
      String origin,
      Content content,
      @Nullable ScriptSplitter splitter) {
    this.id = Objects.requireNonNull(id);
    this.direction = Objects.requireNonNull(direction);
    this.dialectTag = dialectTag;
    this.autocommit = autocommit;
    this.origin = Objects.requireNonNull(origin);
    this.content = Objects.requireNonNull(content);
    this.splitter = splitter;
  }

  public MigrationId id() {
    return id;
  }

  public Direction direction() {
    return direction;
  }

  public @Nullable String dialectTag() {
    return dialectTag;
  }

  public boolean autocommit() {
    return autocommit;
  }

  public String origin() {
    return origin;
  }

  public Content content() {
    return content;
  }

  /** The format's own splitter, or {@code null} when the dialect's parser splits the script. */
  public @Nullable ScriptSplitter splitter() {
    return splitter;
  }

  @Override
  public String toString() {
    return origin;
  }
}
