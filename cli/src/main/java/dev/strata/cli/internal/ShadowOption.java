package dev.strata.cli.internal;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --shadow-url}, of the commands that build the schema the migrations produce ({@code diff},
 * {@code dump-schema --check}): an empty database to build it in instead of a scratch one.
 */
final class ShadowOption {
  @Option(
      names = "--shadow-url",
      paramLabel = "JDBC_URL",
      description =
          "An empty database to apply the migrations to, with the same --user and --password,"
              + " instead of a scratch database Strata creates and drops (STRATA_SHADOW_URL)")
  @Nullable String url;

  /** The shadow's data source for {@code command}, {@code null} for a scratch one. */
  @Nullable DataSource dataSource(EngineCommand command) {
    return url == null
        ? null
        : command
            .strata(Map.of("strata.url", url), command.console, List.of())
            .configuration()
            .dataSource();
  }
}
