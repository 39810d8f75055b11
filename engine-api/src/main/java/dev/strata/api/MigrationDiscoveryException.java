package dev.strata.api;

import java.nio.file.Path;
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

  /**
   * A symbolic link in a location that leads outside it, which a source must refuse: Strata reads
   * no file outside its configured locations.
   *
   * @param remedy what the user can do instead, such as "copy the file in"
   */
  public static MigrationDiscoveryException linkOutside(
      Path link, Path target, String location, Path realLocation, String remedy) {
    return new MigrationDiscoveryException(
        link
            + " is a symbolic link to "
            + target
            + ", outside the migration location "
            + location
            + " (resolved to "
            + realLocation
            + "); Strata reads no file outside its locations. "
            + remedy,
        List.of(link.toString()));
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
