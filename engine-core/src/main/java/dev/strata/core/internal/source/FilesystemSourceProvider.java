package dev.strata.core.internal.source;

import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;

/** {@code filesystem:<directory>}: a directory tree, e.g. a ConfigMap mounted at /migrations. */
public final class FilesystemSourceProvider implements MigrationSourceProvider {
  @Override
  public String prefix() {
    return "filesystem";
  }

  @Override
  public MigrationSource create(String location, String path, SourceSettings settings) {
    return new FilesystemSource(location, Path.of(path), settings);
  }
}
