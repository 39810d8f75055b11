package dev.strata.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The migration sources cannot be read or contradict themselves: a location that does not exist,
 * duplicate versions, a down script without its up script, a file that is not UTF-8. Nothing was
 * applied.
 */
public final class MigrationDiscoveryException extends StrataException {
  private static final long serialVersionUID = 1L;
  private final List<String> origins;

  public MigrationDiscoveryException(String message, List<String> origins) {
    this(message, origins, null);
  }

  public MigrationDiscoveryException(
      String message, List<String> origins, @Nullable Throwable cause) {
    super(message, cause);
    this.origins = List.copyOf(origins);
  }

  /** The files or locations involved. */
  public List<String> origins() {
    return origins;
  }

  @Override
  public String code() {
    return "DISCOVERY";
  }
}
